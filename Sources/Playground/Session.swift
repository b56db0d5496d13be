import RouterCore
import TerminalUI

/// Builds the playground's first state for a scenario and its router.
public enum Session {
  /// The initial state: scenario info, strategy titles, size, themes; routed once.
  public static func initialState(router: Router, size: Size, themeName: String, themeNames: [String],
                                  scenarioNames: [String], text: String = "") -> State {
    var state = State(scenario: ScenarioInfo(router.scenario), size: size, themeName: themeName,
                      themeNames: themeNames, scenarioNames: scenarioNames)
    state.strategyTitles = router.strategyTitles
    state.query.set(text)
    refresh(&state, router: router)
    return state
  }
}
