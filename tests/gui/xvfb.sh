# Sourced by the GUI test scripts. ctest runs them in parallel, and
# `xvfb-run -a` alone starts every search for a free display at :99, so two
# windows starting at the same moment can both pick :99 and one fails. Each
# run starts its search somewhere else; -a still skips displays in use.
xvfb() {
  xvfb-run -a -n "$((100 + (RANDOM * 32768 + RANDOM + $$) % 5000))" "$@"
}
