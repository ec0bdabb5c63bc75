# Shared by scripts/play and scripts/test: install what is missing, then build.
# Sourced, not run. Idempotent: a second run with nothing changed takes seconds.

SAMENSPEL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMENSPEL_BUILD="${SAMENSPEL_BUILD:-$SAMENSPEL_ROOT/build}"

# Debian 12 packages the build, the game and the tests need (espeak-ng reads
# the role card and announcements aloud, and its test writes a WAV with it).
SAMENSPEL_PACKAGES=(
  build-essential cmake pkg-config
  libsfml-dev libimgui-dev libstb-dev libyaml-cpp-dev nlohmann-json3-dev doctest-dev libgl-dev
  libboost-dev libqrencode-dev libsqlite3-dev
  fonts-dejavu-core fonts-font-awesome
  espeak-ng
  xvfb xauth xdotool
  python3 python3-jsonschema python3-yaml
)

# Only the tests need these, so `scripts/play` never installs them:
# zbarimg reads the join QR code back from pictures, as a phone would.
# chromium, chromium-driver and python3-selenium run the phone page in the
# browser test (tests/browser.cmake); chromium prints the printout to PDF and
# poppler-utils (pdfinfo, pdftotext) reads it back (tests/web/print_pdf.py).
SAMENSPEL_TEST_PACKAGES=(zbar-tools chromium chromium-driver python3-selenium poppler-utils)

# Only the checked builds (scripts/sanitize, scripts/fuzz, CI) need these:
# clang with its sanitizer and libFuzzer runtimes (libclang-rt-14-dev is only
# a recommendation of clang-14, and we install without recommendations) and
# llvm-symbolizer for readable stack traces. `scripts/play` never installs them.
SAMENSPEL_CHECK_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)

# Which of the given packages (default: SAMENSPEL_PACKAGES) are not installed.
samenspel_missing_packages() {
  local missing=() pkg wanted=("$@")
  [ ${#wanted[@]} -eq 0 ] && wanted=("${SAMENSPEL_PACKAGES[@]}")
  for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]}"
}

# Installs the given packages (default: SAMENSPEL_PACKAGES) that are missing.
samenspel_install_packages() {
  local missing
  missing="$(samenspel_missing_packages "$@")"
  [ -z "$missing" ] && return 0
  echo "samenspel: installing missing Debian packages: $missing"
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      apt=(sudo apt-get)
    elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
      apt=(sudo apt-get)
    else
      echo "samenspel: cannot install packages (not root, no sudo). Run this, then try again:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" update -qq || { echo "samenspel: apt-get update failed" >&2; exit 1; }
  # shellcheck disable=SC2086
  "${apt[@]}" install -y -qq --no-install-recommends $missing ||
    { echo "samenspel: apt-get install failed for: $missing" >&2; exit 1; }
}

samenspel_build() {
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if [ ! -f "$SAMENSPEL_BUILD/CMakeCache.txt" ]; then
    # -O2 rather than CMake's -O3 for Release: the game is no faster at -O3,
    # and it compiles noticeably faster (CI must stay under 20 minutes).
    cmake -S "$SAMENSPEL_ROOT" -B "$SAMENSPEL_BUILD" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null ||
      { echo "samenspel: cmake configure failed" >&2; exit 1; }
  fi
  cmake --build "$SAMENSPEL_BUILD" -j "$jobs" "$@" ||
    { echo "samenspel: build failed" >&2; exit 1; }
}

# Configures (once) and builds a checked build with clang-14 in the folder $1
# with the CMake option $2 (SAMENSPEL_SANITIZE or SAMENSPEL_FUZZ); the other
# arguments go to `cmake --build` (e.g. --target ...). ccache when present.
samenspel_checked_build() {
  local dir="$1" option="$2" jobs launcher=()
  shift 2
  jobs="$(nproc 2>/dev/null || echo 2)"
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    # -O1 with line tables only: sanitized code at -O2 -g compiles about
    # twice as slowly, and CI must stay under 20 minutes. Asserts stay on.
    cmake -S "$SAMENSPEL_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      -DCMAKE_CXX_COMPILER=clang++-14 "-D$option=ON" "${launcher[@]}" >/dev/null ||
      { echo "samenspel: cmake configure of $dir failed" >&2; exit 1; }
  fi
  cmake --build "$dir" -j "$jobs" "$@" ||
    { echo "samenspel: build in $dir failed" >&2; exit 1; }
}
