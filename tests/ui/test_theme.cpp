// Both themes stay readable on a projector, which halves every contrast: the
// WCAG 2 ratios of the colour pairs the screens actually draw. Text (and the
// coloured words for support, objections and warnings) at 4.5:1 or more on
// every panel it appears on; the edge of a card at 3:1 against the room
// behind it and against the card, so cards stand apart from the background.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "ui/theme.hpp"

using samenspel::ui::contrastRatio;
using samenspel::ui::Theme;

namespace {

ImVec4 grey(float v) {
    return ImVec4(v, v, v, 1.0f);
}

void checkTheme(bool highContrast) {
    const Theme t = Theme::make(highContrast);
    const std::pair<const char*, ImVec4> grounds[] = {
        {"background", t.background}, {"surface", t.surface}, {"surfaceRaised", t.surfaceRaised}};
    const std::pair<const char*, ImVec4> inks[] = {{"text", t.text},
                                                   {"textMuted", t.textMuted},
                                                   {"good", t.good},
                                                   {"bad", t.bad},
                                                   {"warning", t.warning}};
    for (const auto& [inkName, ink] : inks)
        for (const auto& [groundName, ground] : grounds) {
            // A plain copy: doctest's CAPTURE is a lambda, and clang 14
            // cannot capture a structured binding.
            const std::string pair = std::string(inkName) + " on " + groundName;
            CAPTURE(pair);
            CHECK(contrastRatio(ink, ground) >= 4.5f);
        }
    CHECK(contrastRatio(t.text, t.background) >= 7.0f);
    CHECK(contrastRatio(t.text, t.surface) >= 7.0f);
    CHECK(contrastRatio(t.accentText, t.accent) >= 4.5f);
    CHECK(contrastRatio(t.text, t.privacy) >= 4.5f);
    CHECK(contrastRatio(t.textMuted, t.privacy) >= 4.5f);
    // Cards: a lighter panel with an edge that shows on both sides of it.
    CHECK(contrastRatio(t.surface, t.background) >= 1.25f);
    CHECK(contrastRatio(t.border, t.background) >= 3.0f);
    CHECK(contrastRatio(t.border, t.surface) >= 3.0f);
}

} // namespace

TEST_CASE("contrast ratios follow WCAG 2") {
    CHECK(contrastRatio(grey(0), grey(1)) == doctest::Approx(21.0f));
    CHECK(contrastRatio(grey(1), grey(0)) == doctest::Approx(21.0f));
    CHECK(contrastRatio(grey(0.5f), grey(0.5f)) == doctest::Approx(1.0f));
    // #777777 on white: the classic "just fails" grey, 4.48:1.
    CHECK(contrastRatio(grey(0x77 / 255.0f), grey(1)) == doctest::Approx(4.48f).epsilon(0.01));
}

TEST_CASE("the default theme is readable on a projector") {
    checkTheme(false);
}

TEST_CASE("the high-contrast theme is readable on a projector") {
    checkTheme(true);
}
