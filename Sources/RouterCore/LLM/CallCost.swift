/// The price of one model call: from the tokens the server counted when the route is priced per
/// token, else the route's price per message.
public enum CallCost {
  public static func dollars(_ route: Route, usage: TokenUsage?) -> Double {
    if let p = route.tokenPricing, let u = usage {
      return (p.inputPerMillion * Double(u.prompt) + p.outputPerMillion * Double(u.completion)) / 1_000_000
    }
    return route.costPerMessage
  }
}
