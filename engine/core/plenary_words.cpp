// The plenary in words: table groups as a reader of the language lists them,
// options and roles by their names, and the differences as sentences.
#include <algorithm>

#include "core/plenary.hpp"
#include "core/scenario.hpp"
#include "core/text.hpp"

namespace samenspel {

namespace {

// The catalog's text of `key`, or "" when it has none.
std::string lookup(const PlenaryWords& w, const std::string& key) {
    if (!w.word)
        return "";
    std::string text = w.word(key);
    return text == key ? std::string() : text;
}

std::string firstOf(const PlenaryWords& w, const std::vector<std::string>& keys) {
    for (const std::string& key : keys)
        if (std::string text = lookup(w, key); !text.empty())
            return text;
    return keys.empty() ? std::string() : keys.back();
}

std::string noun(const PlenaryWords& w) {
    return w.sessions ? "sessions" : "tables";
}

std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

bool everyTable(const Plenary& p, const std::vector<int>& tables) {
    return tables.size() >= 2 && tables.size() == p.tables.size();
}

const Issue* issueOf(const std::string& issue, const PlenaryWords& w) {
    if (!w.scenario)
        return nullptr;
    for (const Issue& i : w.scenario->issues)
        if (i.id == issue)
            return &i;
    return nullptr;
}

std::string argText(const Plenary& p, const PlenaryArg& a, const PlenaryWords& w) {
    switch (a.kind) {
    case PlenaryArg::Kind::Tables:
        return plenaryTablesText(p, a.tables, w);
    case PlenaryArg::Kind::Option:
        return plenaryOptionText(a.issue, a.option, w);
    case PlenaryArg::Kind::Role:
        return plenaryRoleName(a.role, w);
    case PlenaryArg::Kind::Support:
        return formatNumber(roundSupport(a.number), 1, w.lang);
    }
    return "";
}

} // namespace

std::string plenaryTableName(const PlenaryTable& table, const PlenaryWords& w) {
    return fillArgs(firstOf(w, {"plenary." + noun(w) + ".heading"}), {table.label});
}

std::string plenaryTablesText(const Plenary& p, const std::vector<int>& tables,
                              const PlenaryWords& w) {
    const std::string base = "plenary." + noun(w);
    if (everyTable(p, tables))
        return firstOf(w, {base + ".every"});
    std::vector<std::string> labels;
    for (int t : tables)
        if (t >= 0 && t < static_cast<int>(p.tables.size()))
            labels.push_back(p.tables[static_cast<std::size_t>(t)].label);
    std::string list;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i == 0)
            list = labels[i];
        else if (i + 1 < labels.size())
            list += firstOf(w, {"plenary.list.separator"}) + labels[i];
        else
            list = fillArgs(firstOf(w, {"plenary.list.last"}), {list, labels[i]});
    }
    return fillArgs(firstOf(w, {base + (labels.size() == 1 ? ".one" : ".other")}), {list});
}

std::string plenaryIssueName(const std::string& issue, const PlenaryWords& w) {
    if (const Issue* i = issueOf(issue, w); i && !i->name.get(w.lang).empty())
        return i->name.get(w.lang);
    return issue;
}

std::string plenaryOptionName(const std::string& issue, const std::string& option,
                              const PlenaryWords& w) {
    if (const Issue* i = issueOf(issue, w))
        for (const Option& o : i->options)
            if (o.id == option && !o.name.get(w.lang).empty())
                return o.name.get(w.lang);
    return option;
}

std::string plenaryOptionText(const std::string& issue, const std::string& option,
                              const PlenaryWords& w) {
    return fillArgs(firstOf(w, {"plenary.option"}),
                    {plenaryIssueName(issue, w), plenaryOptionName(issue, option, w)});
}

std::string plenaryRoleName(const std::string& role, const PlenaryWords& w) {
    if (w.scenario)
        for (const Role& r : w.scenario->roles)
            if (r.id == role && !r.name.get(w.lang).empty())
                return r.name.get(w.lang);
    return role;
}

std::string plenaryNoteText(const Plenary& p, const PlenaryNote& note, const PlenaryWords& w) {
    std::size_t count = 1;
    for (const PlenaryArg& a : note.args)
        if (a.kind == PlenaryArg::Kind::Tables) {
            count = everyTable(p, a.tables) ? 1 : a.tables.size();
            break;
        }
    const std::string form = count == 1 ? ".one" : ".other";
    const std::string n = "." + noun(w);
    const std::string pattern =
        firstOf(w, {note.key + n + form, note.key + form, note.key + n, note.key});
    std::vector<std::string> args;
    for (const PlenaryArg& a : note.args)
        args.push_back(argText(p, a, w));
    return capitalized(fillArgs(pattern, args));
}

} // namespace samenspel
