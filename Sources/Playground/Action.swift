/// What a key does; the keymap turns keys into these, and `update` carries them out.
public enum Action: Equatable, Sendable {
  case quit, toggleHelp, focusNext, focusPrevious
  case submit, clearQuery, nextSample, previousSample, historyPrevious, historyNext
  case cursorLeft, cursorRight, cursorHome, cursorEnd, wordLeft, wordRight
  case deleteBackward, deleteForward, deleteWordBackward, deleteWordForward, deleteToStart, deleteToEnd
  case sliderStep(Int), sliderHome, sliderEnd
  case queriesUp, queriesDown, humanUp, humanDown
  case selectUp, selectDown
  case nextTheme, nextScenario, toggleMouse, togglePatterns, toggleProviderDown
  case demoPause, demoNext, demoPrevious
  case helpScroll(Int)
}
