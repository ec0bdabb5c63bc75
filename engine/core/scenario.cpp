#include "core/scenario.hpp"

#include <array>
#include <cstdio>

namespace samenspel {

namespace {

constexpr std::array<const char*, kPhaseKindCount> kPhaseIds = {
    "kennismaken", "perspectief", "waarden", "randvoorwaarden", "voorstel", "besluit", "reflectie"};

template <typename T> int indexById(const std::vector<T>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace

const char* phaseId(PhaseKind kind) {
    const auto index = static_cast<size_t>(kind);
    return index < kPhaseIds.size() ? kPhaseIds[index] : "unknown";
}

std::optional<PhaseKind> phaseFromId(const std::string& id) {
    for (size_t i = 0; i < kPhaseIds.size(); ++i)
        if (id == kPhaseIds[i])
            return static_cast<PhaseKind>(i);
    return std::nullopt;
}

const char* roleKindId(RoleKind kind) {
    switch (kind) {
    case RoleKind::Resident:
        return "resident";
    case RoleKind::Official:
        return "official";
    case RoleKind::Council:
        return "council";
    }
    return "resident";
}

const std::vector<std::string>& roleIconNames() {
    static const std::vector<std::string> names = {
        "home",       "users",     "user",      "child",    "graduation_cap", "gavel",
        "university", "bullhorn",  "briefcase", "id_badge", "calculator",     "balance_scale",
        "shield",     "ambulance", "wrench",    "tree",     "leaf",           "recycle",
        "shop",       "industry",  "building",  "car",      "bicycle",        "football",
        "handshake",  "heart",     "money",
    };
    return names;
}

const std::string& roleIcon(const Role& role) {
    static const std::string byKind[] = {"home", "briefcase", "gavel"};
    return role.icon.empty() ? byKind[static_cast<int>(role.kind)] : role.icon;
}

const char* decisionRuleId(DecisionRule rule) {
    switch (rule) {
    case DecisionRule::CouncilMajority:
        return "council_majority";
    case DecisionRule::UnanimousCouncil:
        return "unanimous_council";
    case DecisionRule::Consensus:
        return "consensus";
    }
    return "unknown";
}

ExprNames Scenario::exprNames() const {
    ExprNames names;
    for (const Attribute& a : attributes)
        names.attributes.push_back(a.id);
    names.resources = resourceNames;
    for (const Issue& issue : issues) {
        names.issues.push_back(issue.id);
        std::vector<std::string> optionIds;
        for (const Option& o : issue.options)
            optionIds.push_back(o.id);
        names.options.push_back(std::move(optionIds));
    }
    return names;
}

int Scenario::valueIndex(const std::string& id) const {
    return indexById(values, id);
}
int Scenario::roleIndex(const std::string& id) const {
    return indexById(roles, id);
}
int Scenario::issueIndex(const std::string& id) const {
    return indexById(issues, id);
}
int Scenario::eventIndex(const std::string& id) const {
    return indexById(events, id);
}

int Scenario::optionIndex(int issue, const std::string& id) const {
    if (issue < 0 || issue >= static_cast<int>(issues.size()))
        return -1;
    return indexById(issues[issue].options, id);
}

int Scenario::phaseIndex(PhaseKind kind) const {
    for (size_t i = 0; i < phases.size(); ++i)
        if (phases[i].kind == kind)
            return static_cast<int>(i);
    return -1;
}

int Scenario::resourceIndex(const std::string& id) const {
    for (size_t i = 0; i < resourceNames.size(); ++i)
        if (resourceNames[i] == id)
            return static_cast<int>(i);
    return -1;
}

std::string contentHashOf(const std::string& bytes) {
    std::uint64_t hash = 14695981039346656037ull; // FNV-1a 64 offset basis
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull; // FNV-1a 64 prime
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

bool Scenario::hasPlainLanguage(const std::string& lang) const {
    if (caseText.hasPlainLanguage(lang) || summary.hasPlainLanguage(lang))
        return true;
    for (const Role& role : roles)
        if (role.briefing.hasPlainLanguage(lang) || role.secret.hasPlainLanguage(lang))
            return true;
    return false;
}

} // namespace samenspel
