// The printout: role cards, the case sheet and the facilitator's sheet of a
// scenario as one printable HTML document (printout.hpp).
//
// Index:
//   [SECTION] Words       names, amounts and weights as the page writes them
//   [SECTION] Role cards  one page per role
//   [SECTION] Case sheet  what every player may read
//   [SECTION] Facilitator what only the person running the session reads
//                         (their sheet and the teaching note), and the form
//                         that records the decision
//   [SECTION] Document    the page around them; writing it to disk
#include "printout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <numeric>
#include <sstream>

#include "core/session_files.hpp"
#include "core/text.hpp"
#include "core/wording.hpp"
#include "report_internal.hpp" // weightDots

namespace samenspel {

namespace {

// [SECTION] Words -------------------------------------------------------------

struct Words {
    const Scenario& sc;
    const TranslateFn& tr;
    const std::string& lang;
    bool plainLanguage = false; // scenario texts in plain language where written

    std::string t(const std::string& key) const {
        std::string s = tr ? tr(key) : key;
        return s.empty() ? key : s;
    }
    std::string t(const std::string& key, const std::vector<std::string>& args) const {
        return fillArgs(t(key), args);
    }
    // A text about `count` things: key.one or key.other, {0} the count.
    std::string count(const std::string& key, long long n,
                      const std::vector<std::string>& more = {}) const {
        std::vector<std::string> args{formatNumber(static_cast<double>(n), 0, lang)};
        args.insert(args.end(), more.begin(), more.end());
        return t(key + (n == 1 ? ".one" : ".other"), args);
    }
    // Translated and escaped: the form every catalog text takes in the page.
    std::string h(const std::string& key) const { return htmlEscape(t(key)); }
    std::string h(const std::string& key, const std::vector<std::string>& args) const {
        return htmlEscape(t(key, args));
    }
    std::string text(const LocalizedText& lt) const { return lt.get(lang, plainLanguage); }
    std::string orId(const LocalizedText& lt, const std::string& id) const {
        const std::string& s = lt.get(lang);
        return s.empty() ? id : s;
    }
    std::string roleName(int r) const {
        return orId(sc.roles[static_cast<std::size_t>(r)].name,
                    sc.roles[static_cast<std::size_t>(r)].id);
    }
    // A role inside a sentence: "het geheim van de impactondernemer", and in
    // English, whose sentences bring their own "the", "the secret of the
    // impact entrepreneur" rather than "of the The impact entrepreneur".
    std::string roleInSentence(int r) const {
        std::string name = roleName(r);
        if (lang == "en" && name.rfind("The ", 0) == 0)
            return name.substr(4);
        if (lang == "nl" && (name.rfind("De ", 0) == 0 || name.rfind("Het ", 0) == 0))
            name[0] = static_cast<char>(name[0] - 'A' + 'a');
        return name;
    }
    std::string valueName(int v) const {
        return orId(sc.values[static_cast<std::size_t>(v)].name,
                    sc.values[static_cast<std::size_t>(v)].id);
    }
    std::string issueName(int i) const {
        return orId(sc.issues[static_cast<std::size_t>(i)].name,
                    sc.issues[static_cast<std::size_t>(i)].id);
    }
    std::string optionName(int i, int o) const {
        const Option& option =
            sc.issues[static_cast<std::size_t>(i)].options[static_cast<std::size_t>(o)];
        return orId(option.name, option.id);
    }
    std::string phaseName(int p) const {
        return t(std::string("table.phase.") +
                 phaseId(sc.phases[static_cast<std::size_t>(p)].kind));
    }
    std::string kindName(RoleKind kind) const {
        return t(std::string("table.kind.") + roleKindId(kind));
    }
    // "weegt zwaar" for a weight of 3, down to "telt niet mee" for 0.
    std::string weightWords(int w) const {
        return t("print.weight." + std::to_string(std::clamp(w, 0, 3)));
    }
    std::string precondition(const Precondition& p) const {
        return preconditionSentence(sc, p, lang, tr);
    }
    std::string condition(const Expression& e) const {
        return conditionSentence(sc, e.source(), lang, tr);
    }
    std::string attributeName(std::size_t a) const {
        return orId(sc.attributes[a].name, sc.attributes[a].id);
    }
    std::string attributeAmount(std::size_t a, double v) const {
        return formatQuantity(v, sc.attributes[a].unit, lang);
    }
    // A resource has an id and no name of its own: the page says "budget"
    // for `budget` and "beheer budget" for `beheer_budget`, with the unit of
    // an attribute a red line compares it with ("cost <= budget": €).
    std::string resourceName(int r) const {
        std::string name = sc.resourceNames[static_cast<std::size_t>(r)];
        std::replace(name.begin(), name.end(), '_', ' ');
        return name;
    }
    std::string resourceAmount(int r, double v) const {
        return formatQuantity(v, resourceUnit(r), lang);
    }
    std::string resourceUnit(int r) const {
        const std::string& id = sc.resourceNames[static_cast<std::size_t>(r)];
        for (const Role& role : sc.roles)
            for (const Precondition& p : role.preconditions) {
                const std::vector<std::string> names = identifiers(p.require.source());
                if (std::find(names.begin(), names.end(), id) == names.end())
                    continue;
                for (const std::string& name : names)
                    for (const Attribute& a : sc.attributes)
                        if (a.id == name && !a.unit.empty())
                            return a.unit;
            }
        return "";
    }
    static std::vector<std::string> identifiers(const std::string& source) {
        std::vector<std::string> out;
        std::string word;
        for (char c : source + " ") {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
                word += c;
            } else if (!word.empty()) {
                if (!std::isdigit(static_cast<unsigned char>(word[0])))
                    out.push_back(word);
                word.clear();
            }
        }
        return out;
    }
};

// Paragraphs of a scenario text: a blank line in the file starts a new one.
std::string paragraphs(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos)
            end = text.size();
        const std::string part = text.substr(start, end - start);
        if (part.find_first_not_of(" \n") != std::string::npos)
            out += "<p>" + htmlEscape(part) + "</p>";
        start = end + 2;
    }
    return out;
}

// [SECTION] Role cards --------------------------------------------------------

// The type size of a card: as large as its texts allow, so that it is read
// at arm's length and still fits its page (a card never splits). The longest
// shipped card (the skaters of skatebaan, about 700 characters) fits at the
// middle size with room for notes.
const char* cardSize(const Words& w, const Role& role) {
    std::size_t chars = w.text(role.briefing).size() + w.text(role.secret).size();
    for (const Precondition& p : role.preconditions)
        chars += w.precondition(p).size() + w.text(p.name).size();
    for (std::size_t v = 0; v < role.weights.size(); ++v)
        if (role.weights[v] > 0)
            chars += 40;
    if (chars <= 500)
        return " large";
    return chars <= 950 ? "" : " dense";
}

void roleValues(const Words& w, const Role& role, std::ostringstream& out) {
    std::vector<int> order(role.weights.size());
    std::iota(order.begin(), order.end(), 0);
    // Heaviest first; equal weights in the scenario's order.
    std::stable_sort(order.begin(), order.end(), [&role](int a, int b) {
        return role.weights[static_cast<std::size_t>(a)] >
               role.weights[static_cast<std::size_t>(b)];
    });
    out << "<h3>" << w.h("print.card.values") << "</h3><ul class=\"values\">";
    for (int v : order) {
        const int weight = role.weights[static_cast<std::size_t>(v)];
        if (weight <= 0)
            continue;
        out << "<li><span class=\"dots\">" << report_detail::weightDots(weight) << "</span> <b>"
            << htmlEscape(w.valueName(v)) << "</b> — " << htmlEscape(w.weightWords(weight))
            << "</li>";
    }
    out << "</ul>";
}

void roleCard(const Words& w, int r, std::ostringstream& out) {
    const Role& role = w.sc.roles[static_cast<std::size_t>(r)];
    out << "<section class=\"page card" << cardSize(w, role) << "\" id=\"card-"
        << htmlEscape(role.id) << "\">";
    out << "<p class=\"label\">" << w.h("print.card.label") << " · "
        << htmlEscape(w.text(w.sc.title)) << "</p>";
    out << "<h1>" << htmlEscape(w.roleName(r)) << "</h1><p class=\"kind\">"
        << htmlEscape(w.kindName(role.kind));
    if (role.kind == RoleKind::Council)
        out << " · " << htmlEscape(w.count("print.votes", role.votes));
    out << "</p>";
    out << "<h3>" << w.h("print.card.briefing") << "</h3>" << paragraphs(w.text(role.briefing));
    roleValues(w, role, out);
    out << "<h3>" << w.h("print.card.red_lines") << "</h3>";
    if (role.preconditions.empty()) {
        out << "<p>" << w.h("print.card.no_red_lines") << "</p>";
    } else {
        out << "<p class=\"hint\">" << w.h("print.card.red_lines_explain") << "</p><ul>";
        for (const Precondition& p : role.preconditions) {
            const std::string name = w.text(p.name);
            const std::string sentence = w.precondition(p);
            out << "<li><b>" << htmlEscape(name.empty() ? p.id : name) << "</b>";
            if (sentence != name)
                out << "<br>" << htmlEscape(sentence);
            out << "</li>";
        }
        out << "</ul>";
    }
    out << "<div class=\"secret\"><h3>" << w.h("print.card.secret") << "</h3><p class=\"hint\">"
        << w.h("print.card.secret_explain") << "</p>";
    const std::string secret = w.text(role.secret);
    out << (secret.empty() ? "<p>" + w.h("print.card.no_secret") + "</p>" : paragraphs(secret))
        << "</div>";
    out << "<div class=\"notes\"><h3>" << w.h("print.card.notes") << "</h3></div></section>\n";
}

// [SECTION] Case sheet --------------------------------------------------------

// An issue's options, each with what it costs and takes: a list rather than
// a table, so any number of attributes fits the width of the page.
void optionsList(const Words& w, int i, std::ostringstream& out) {
    const Issue& issue = w.sc.issues[static_cast<std::size_t>(i)];
    out << "<div class=\"issue\"><h3>" << htmlEscape(w.issueName(i)) << "</h3>";
    if (const std::string d = w.text(issue.description); !d.empty())
        out << "<p>" << htmlEscape(d) << "</p>";
    out << "<ul class=\"options\">";
    for (int o = 0; o < static_cast<int>(issue.options.size()); ++o) {
        const Option& option = issue.options[static_cast<std::size_t>(o)];
        if (!option.available)
            continue; // an event brings it in: the facilitator's sheet says so
        out << "<li><b>" << htmlEscape(w.optionName(i, o)) << "</b>";
        if (const std::string d = w.text(option.description); !d.empty())
            out << "<br>" << htmlEscape(d);
        std::string attrs;
        for (std::size_t a = 0; a < w.sc.attributes.size(); ++a)
            attrs +=
                (attrs.empty() ? "" : " · ") + w.attributeName(a) + ": " +
                w.attributeAmount(a, a < option.attributes.size() ? option.attributes[a] : 0.0);
        if (!attrs.empty())
            out << "<br><span class=\"attrs\">" << htmlEscape(attrs) << "</span>";
        out << "</li>";
    }
    out << "</ul></div>";
}

int councilVotes(const Scenario& sc) {
    int votes = 0;
    for (const Role& role : sc.roles)
        if (role.kind == RoleKind::Council)
            votes += role.votes;
    return votes;
}

std::string decisionRule(const Words& w) {
    switch (w.sc.rule) {
    case DecisionRule::CouncilMajority:
        return w.count("print.rule.council_majority", councilVotes(w.sc));
    case DecisionRule::UnanimousCouncil:
        return w.t("print.rule.unanimous_council");
    case DecisionRule::Consensus:
        return w.t("print.rule.consensus");
    }
    return "";
}

int totalMinutes(const Scenario& sc) {
    int minutes = 0;
    for (const Phase& p : sc.phases)
        minutes += p.minutes;
    return minutes;
}

void caseSheet(const Words& w, std::ostringstream& out) {
    const Scenario& sc = w.sc;
    out << "<section class=\"page sheet\" id=\"case\"><p class=\"label\">"
        << w.h("print.case.label") << "</p><h1>" << htmlEscape(w.orId(sc.title, sc.id)) << "</h1>";
    if (const std::string s = w.text(sc.summary); !s.empty())
        out << "<p class=\"lead\">" << htmlEscape(s) << "</p>";
    out << paragraphs(w.text(sc.caseText));
    out << "<h2>" << w.h("print.case.values") << "</h2><ul class=\"plain\">";
    for (int v = 0; v < static_cast<int>(sc.values.size()); ++v) {
        out << "<li><b>" << htmlEscape(w.valueName(v)) << "</b>";
        if (const std::string d = w.text(sc.values[static_cast<std::size_t>(v)].description);
            !d.empty())
            out << " — " << htmlEscape(d);
        out << "</li>";
    }
    out << "</ul><h2>" << w.h("print.case.issues") << "</h2><p>" << w.h("print.case.issues_explain")
        << "</p>";
    for (int i = 0; i < static_cast<int>(sc.issues.size()); ++i)
        optionsList(w, i, out);
    // The phases as one paragraph: the checklist on the facilitator's sheet
    // says what happens in each.
    out << "<h2>" << w.h("print.case.phases") << "</h2><p class=\"phases\">";
    for (int p = 0; p < static_cast<int>(sc.phases.size()); ++p)
        out << (p > 0 ? " · " : "") << (p + 1) << ". <b>" << htmlEscape(w.phaseName(p)) << "</b> ("
            << htmlEscape(w.count("print.minutes", sc.phases[static_cast<std::size_t>(p)].minutes))
            << ")";
    out << ". " << htmlEscape(w.count("print.case.total", totalMinutes(sc))) << "</p>";
    out << "<h2>" << w.h("print.case.decision") << "</h2><p>" << htmlEscape(decisionRule(w)) << " "
        << w.h("print.min_support", {formatShort(sc.minSupport, w.lang)}) << "</p></section>\n";
}

// [SECTION] Facilitator -------------------------------------------------------

std::string playersText(const Words& w, const Role& role) {
    const std::string lo = formatNumber(role.minPlayers, 0, w.lang);
    if (role.minPlayers == role.maxPlayers)
        return lo;
    return lo + "–" + formatNumber(role.maxPlayers, 0, w.lang);
}

void rolesOverview(const Words& w, std::ostringstream& out) {
    out << "<h2>" << w.h("print.fac.roles") << "</h2><table class=\"roles\"><tr><th>"
        << w.h("print.fac.col.role") << "</th><th>" << w.h("print.fac.col.kind")
        << "</th><th class=\"num\">" << w.h("print.fac.col.players") << "</th><th class=\"num\">"
        << w.h("print.fac.col.votes") << "</th></tr>";
    for (int r = 0; r < static_cast<int>(w.sc.roles.size()); ++r) {
        const Role& role = w.sc.roles[static_cast<std::size_t>(r)];
        out << "<tr><td>" << htmlEscape(w.roleName(r)) << "</td><td>"
            << htmlEscape(w.kindName(role.kind)) << "</td><td class=\"num\">"
            << htmlEscape(playersText(w, role)) << "</td><td class=\"num\">"
            << (role.kind == RoleKind::Council ? htmlEscape(formatNumber(role.votes, 0, w.lang))
                                               : std::string("–"))
            << "</td></tr>";
    }
    out << "</table>";
}

std::string eventWhen(const Words& w, const Event& e) {
    switch (e.trigger) {
    case Event::Trigger::Phase:
        return w.t("print.when.phase", {e.phase >= 0 ? w.phaseName(e.phase) : "?"});
    case Event::Trigger::Minute:
        if (e.phase >= 0)
            return w.count("print.when.minute_or_phase", static_cast<long long>(e.minute),
                           {w.phaseName(e.phase)});
        return w.count("print.when.minute", static_cast<long long>(e.minute));
    case Event::Trigger::Condition:
        return w.t("print.when.condition", {w.condition(e.condition)});
    }
    return "";
}

std::string optionWithAttributes(const Words& w, int i, int o) {
    const Option& option =
        w.sc.issues[static_cast<std::size_t>(i)].options[static_cast<std::size_t>(o)];
    std::string s = w.optionName(i, o);
    std::string attrs;
    for (std::size_t a = 0; a < w.sc.attributes.size() && a < option.attributes.size(); ++a) {
        if (option.attributes[a] == 0.0)
            continue;
        attrs += (attrs.empty() ? "" : ", ") + w.attributeName(a) + " " +
                 w.attributeAmount(a, option.attributes[a]);
    }
    return attrs.empty() ? s : s + " (" + attrs + ")";
}

std::string effectText(const Words& w, const EventEffect& fx) {
    using K = EventEffect::Kind;
    switch (fx.kind) {
    case K::SetResource:
        return w.t("print.effect.set_resource",
                   {w.resourceName(fx.resource), w.resourceAmount(fx.resource, fx.amount)});
    case K::AddResource:
        return w.t(
            fx.amount < 0 ? "print.effect.resource_down" : "print.effect.resource_up",
            {w.resourceName(fx.resource), w.resourceAmount(fx.resource, std::abs(fx.amount))});
    case K::AddValueWeight:
        return w.t(fx.amount < 0 ? "print.effect.weight_down" : "print.effect.weight_up",
                   {w.roleInSentence(fx.role), w.valueName(fx.value)});
    case K::SetValueWeight:
        return w.t("print.effect.set_weight", {w.roleInSentence(fx.role), w.valueName(fx.value),
                                               w.weightWords(static_cast<int>(fx.amount))});
    case K::EnableOption:
        return w.t("print.effect.enable_option",
                   {w.issueName(fx.issue), optionWithAttributes(w, fx.issue, fx.option)});
    case K::DisableOption:
        return w.t("print.effect.disable_option",
                   {w.issueName(fx.issue), w.optionName(fx.issue, fx.option)});
    case K::RevealSecret:
        return w.t("print.effect.reveal_secret", {w.roleInSentence(fx.role)});
    }
    return "";
}

// A sentence that starts with a resource's id ("budget gaat omhoog") starts
// with a capital letter.
std::string sentence(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

void eventList(const Words& w, std::ostringstream& out) {
    out << "<h2>" << w.h("print.fac.events") << "</h2>";
    if (w.sc.events.empty()) {
        out << "<p>" << w.h("print.fac.no_events") << "</p>";
        return;
    }
    for (const Event& e : w.sc.events) {
        out << "<div class=\"event\"><h3>" << htmlEscape(w.orId(e.title, e.id)) << "</h3><p><i>"
            << htmlEscape(eventWhen(w, e)) << "</i></p><p><b>" << w.h("print.fac.read_aloud")
            << "</b> " << htmlEscape(w.text(e.text)) << "</p>";
        if (!e.effects.empty()) {
            out << "<p><b>" << w.h("print.fac.what_changes") << "</b></p><ul>";
            for (const EventEffect& fx : e.effects)
                out << "<li>" << htmlEscape(sentence(effectText(w, fx))) << "</li>";
            out << "</ul>";
        }
        out << "</div>";
    }
}

// A box to tick, drawn by the page's style: every printer and font has it.
const char* kBox = "<span class=\"box\"></span>";

void paperChecklist(const Words& w, std::ostringstream& out) {
    out << "<h2>" << w.h("print.paper.title") << "</h2><ol class=\"checklist\">";
    for (const char* step : {"print.paper.print", "print.paper.deal", "print.paper.clock"})
        out << "<li>" << kBox << w.h(step) << "</li>";
    for (int p = 0; p < static_cast<int>(w.sc.phases.size()); ++p) {
        const Phase& phase = w.sc.phases[static_cast<std::size_t>(p)];
        out << "<li>" << kBox << "<b>" << htmlEscape(w.phaseName(p)) << "</b> ("
            << htmlEscape(w.count("print.minutes", phase.minutes))
            << "): " << w.h(std::string("print.paper.phase.") + phaseId(phase.kind)) << "</li>";
    }
    out << "</ol>";
}

// The decision form: a page of its own, so the facilitator can copy it for
// every table.
void decisionForm(const Words& w, std::ostringstream& out) {
    const Scenario& sc = w.sc;
    out << "<section class=\"page sheet\" id=\"form\"><p class=\"label\">"
        << w.h("print.record.label") << "</p><h1>" << htmlEscape(w.orId(sc.title, sc.id))
        << "</h1><p>" << w.h("print.record.explain") << "</p><table class=\"record\">";
    for (int i = 0; i < static_cast<int>(sc.issues.size()); ++i) {
        out << "<tr><th>" << htmlEscape(w.issueName(i)) << "</th><td>";
        const auto& options = sc.issues[static_cast<std::size_t>(i)].options;
        for (int o = 0; o < static_cast<int>(options.size()); ++o)
            out << "<span class=\"choice\">" << kBox << htmlEscape(w.optionName(i, o)) << "</span>";
        out << "</td></tr>";
    }
    out << "</table><table class=\"record\"><tr><th>" << w.h("print.fac.col.role") << "</th><th>"
        << w.h("print.record.carries") << "</th><th>" << w.h("print.record.vote") << "</th></tr>";
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const Role& role = sc.roles[static_cast<std::size_t>(r)];
        out << "<tr><td>" << htmlEscape(w.roleName(r)) << "</td><td>" << w.h("print.record.yes_no")
            << "</td><td>"
            << (role.kind == RoleKind::Council
                    ? htmlEscape(w.count("print.record.for_against", role.votes))
                    : std::string())
            << "</td></tr>";
    }
    out << "</table><p class=\"outcome\">" << w.h("print.record.adopted")
        << "</p><p class=\"outcome\">" << w.h("print.record.gedragen")
        << "</p><p class=\"outcome\">" << w.h("print.record.signed") << "</p></section>\n";
}

void facilitatorSheet(const Words& w, std::ostringstream& out) {
    const Scenario& sc = w.sc;
    out << "<section class=\"page sheet\" id=\"facilitator\"><p class=\"label\">"
        << w.h("print.fac.label") << "</p><h1>" << htmlEscape(w.orId(sc.title, sc.id))
        << "</h1><p class=\"warning\">" << w.h("print.fac.not_for_players") << "</p>";
    rolesOverview(w, out);
    if (!sc.learningGoals.empty()) {
        out << "<h2>" << w.h("print.fac.goals") << "</h2><ul>";
        for (const LocalizedText& goal : sc.learningGoals)
            out << "<li>" << htmlEscape(w.text(goal)) << "</li>";
        out << "</ul>";
    }
    paperChecklist(w, out);
    eventList(w, out);
    out << "</section>\n";
}

// The teaching note: its own pages after the facilitator's sheet, as long as
// the note needs.
void notePages(const Words& w, const TeachingNote& note, std::ostringstream& out) {
    out << "<section class=\"page sheet note\" id=\"note\"><p class=\"label\">"
        << w.h("print.note.label") << "</p><h1>"
        << htmlEscape(note.title.empty() ? w.orId(w.sc.title, w.sc.id) : note.title) << "</h1>"
        << noteBlocksHtml(note) << "</section>\n";
}

// [SECTION] Document ----------------------------------------------------------

// Black on white, large type: a card is read at arm's length, and a
// photocopy in black and white loses nothing.
const char* kStyle = R"CSS(
* { box-sizing: border-box; }
html { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; color: #000;
  background: #fff; margin: 0; font-size: 13pt; line-height: 1.4; }
@page { size: A4 portrait; margin: 14mm 15mm; }
.page { break-after: page; max-width: 180mm; margin: 0 auto; }
.page:last-child { break-after: auto; }
.label { font-size: 11pt; text-transform: uppercase; letter-spacing: .08em; margin: 0 0 2mm;
  border-bottom: 1.5pt solid #000; padding-bottom: 1mm; }
h1 { font-size: 24pt; line-height: 1.15; margin: 0 0 1mm; }
h2 { font-size: 16pt; margin: 6mm 0 2mm; break-after: avoid; border-bottom: 1pt solid #000; }
h3 { font-size: 14pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 7mm; }
li { margin: 0 0 1mm; break-inside: avoid; }
.card { font-size: 15pt; break-inside: avoid; display: flex; flex-direction: column;
  min-height: 262mm; }
.card h1 { font-size: 26pt; }
.card h3 { font-size: 14pt; }
.card.large { font-size: 17pt; }
.card.large h1 { font-size: 28pt; }
.card.large h3 { font-size: 15pt; }
.card.dense { font-size: 13pt; }
.card.dense h1 { font-size: 22pt; }
.kind { font-size: 15pt; margin-bottom: 2mm; }
.hint { font-style: italic; font-size: .85em; }
.values { list-style: none; padding-left: 0; }
.dots { font-size: 1.05em; letter-spacing: .05em; }
.secret { border: 2.5pt dashed #000; padding: 1mm 4mm 2mm; margin-top: 5mm; break-inside: avoid; }
.secret h3 { margin-top: 2mm; }
.notes { flex: 1; min-height: 20mm; border-top: 1pt solid #000; margin-top: 5mm; }
.notes h3 { font-size: 11pt; font-weight: normal; margin-top: 1mm; }
.sheet { font-size: 11.5pt; line-height: 1.35; }
.sheet h1 { font-size: 20pt; }
.sheet h2 { font-size: 14pt; margin-top: 4mm; }
.sheet h3 { font-size: 12pt; margin-top: 2.5mm; }
.lead { font-weight: bold; }
.plain { list-style: none; padding-left: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm 1mm 0; border-bottom: .5pt solid #000; }
th.num, td.num { text-align: right; white-space: nowrap; padding-left: 3mm; }
.warning { font-weight: bold; border: 1.5pt solid #000; padding: 1mm 3mm; }
.event { break-inside: avoid; }
.issue { break-inside: avoid; }
.issue h3 { font-size: 13pt; margin-top: 3.5mm; }
.options { list-style: none; padding-left: 5mm; }
.options li { margin-bottom: 1.5mm; }
.attrs { font-size: 10pt; }
.checklist { list-style: none; padding-left: 0; }
.record td, .record th { padding-top: 1.5mm; padding-bottom: 1.5mm; }
.record td:last-child { white-space: nowrap; }
.choice { display: block; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: .9pt solid #000;
  margin-right: 2mm; vertical-align: -0.3mm; }
.outcome { margin-top: 5mm; font-size: 12.5pt; white-space: pre-wrap; }
.note li.sub { margin-left: 6mm; }
.note code { font-size: 10pt; }
@media screen {
  body { background: #ddd; padding: 8mm 0; }
  .page { background: #fff; padding: 14mm 15mm; margin-bottom: 8mm; max-width: 210mm;
    min-height: 0; }
}
)CSS";

} // namespace

std::string renderPrintout(const Scenario& sc, const TranslateFn& tr, const std::string& lang,
                           const TeachingNote* note, bool plainLanguage) {
    const Words w{sc, tr, lang, plainLanguage};
    std::ostringstream out;
    const std::string title = w.orId(sc.title, sc.id);
    out << "<!DOCTYPE html>\n<html lang=\"" << htmlEscape(lang)
        << "\"><head><meta charset=\"utf-8\"><title>" << w.h("print.title", {title})
        << "</title><style>" << kStyle << "</style></head><body>\n";
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        roleCard(w, r, out);
    caseSheet(w, out);
    facilitatorSheet(w, out);
    if (note && !note->empty())
        notePages(w, *note, out);
    decisionForm(w, out);
    out << "</body></html>\n";
    return out.str();
}

std::string defaultPrintoutName(const Scenario& sc, const std::string& lang) {
    return sc.id + (lang == "nl" ? "-kaarten.html" : "-cards.html");
}

bool writePrintout(const Scenario& sc, const TranslateFn& tr, const std::string& lang,
                   const std::string& path, std::string& error, const TeachingNote* note,
                   bool plainLanguage) {
    std::string html;
    try {
        html = renderPrintout(sc, tr, lang, note, plainLanguage);
    } catch (const std::exception& e) {
        error = std::string("could not render the printout: ") + e.what();
        return false;
    }
    return writeFileAtomically(path, html, &error);
}

} // namespace samenspel
