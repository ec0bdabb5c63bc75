// The `view` and `lobby` messages of docs/web_client.md. Every field that
// tells something a seat may not know is decided here, through the shared
// rules of core/visibility.hpp; the page only draws what it gets.
//
// [SECTION] index: Helpers · Header, phase and card · Scenario · Roles ·
// Questions and proposals · Decision, predictions, can, debrief · Lobby
#include "net/seat_view.hpp"

#include <algorithm>

#include "core/begrip.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/scoring.hpp"
#include "core/visibility.hpp"
#include "core/wording.hpp"
#include "net/protocol.hpp"

namespace samenspel::net {

namespace {

// [SECTION] Helpers -----------------------------------------------------------

template <class T> bool inRange(int i, const std::vector<T>& v) {
    return i >= 0 && i < static_cast<int>(v.size());
}

std::string local(const LocalizedText& text, const std::string& lang, bool plainLanguage,
                  const std::string& fallback = "") {
    return text.empty() ? fallback : text.get(lang, plainLanguage);
}

const char* proposalStatusId(Proposal::Status status) {
    switch (status) {
    case Proposal::Status::Open:
        return "open";
    case Proposal::Status::Superseded:
        return "superseded";
    case Proposal::Status::BackForAmendment:
        return "back_for_amendment";
    case Proposal::Status::Accepted:
        return "accepted";
    case Proposal::Status::Rejected:
        return "rejected";
    }
    return "open";
}

const char* questionStatusId(Question::Status status) {
    switch (status) {
    case Question::Status::Open:
        return "open";
    case Question::Status::Answered:
        return "answered";
    case Question::Status::Declined:
        return "declined";
    }
    return "open";
}

void writeInts(JsonWriter& w, const std::vector<int>& values) {
    w.beginArray();
    for (int v : values)
        w.value(v);
    w.endArray();
}

void writeReason(JsonWriter& w, const Reason& reason) {
    if (reason.kind == Reason::Kind::None) {
        w.null();
        return;
    }
    w.beginObject().key("kind").value(reasonKindId(reason.kind));
    w.key("index").value(reason.index).endObject();
}

struct ViewWriter {
    const Game& game;
    const Scenario& sc;
    const GameState& st;
    int seat;
    int role;
    const std::string& lang;
    const SeatViewContext& ctx;
    ExprNames names;
    bool hidden; // boardHidden(game)
    JsonWriter w;

    std::string text(const std::string& key) const { return ctx.text ? ctx.text(key) : ""; }
    std::string condition(const std::string& expression) const {
        return conditionSentence(sc, expression, lang, ctx.text, &st.world.resources);
    }
    std::string redLine(const Precondition& p) const {
        return preconditionSentence(sc, p, lang, ctx.text, &st.world.resources);
    }
    bool bot(int s) const { return game.setup().seats[static_cast<std::size_t>(s)].bot; }
    std::string seatName(int s) const {
        if (inRange(s, ctx.seats) && !ctx.seats[static_cast<std::size_t>(s)].name.empty())
            return ctx.seats[static_cast<std::size_t>(s)].name;
        return game.setup().seats[static_cast<std::size_t>(s)].name;
    }
    bool present(int s) const {
        return bot(s) ||
               (inRange(s, ctx.seats) && ctx.seats[static_cast<std::size_t>(s)].connected);
    }
    bool conditionHolds(const std::string& expression, const Package& package) const {
        const ExprParseResult parsed = parseExpression(expression, names, true);
        if (!parsed.errors.empty() || !parsed.expression.valid())
            return false;
        const std::vector<double> totals = attributeTotals(sc, package);
        const ExprInputs in{&totals, &st.world.resources, &package};
        return parsed.expression.holds(in);
    }
    // A bot declines with a catalog key; a person's reason is their own words.
    std::string declineReason(const std::string& reason) const {
        if (reason.rfind("bots.", 0) != 0 || reason.find(' ') != std::string::npos)
            return reason;
        const std::string known = text(reason);
        if (!known.empty())
            return known;
        const std::string generic = text("table.declined_generic");
        return generic.empty() ? reason : generic;
    }

    // [SECTION] Header, phase and card ----------------------------------------

    void header() {
        w.key("v").value(kProtocolVersion).key("type").value("view").key("lang").value(lang);
        w.key("plainLanguage").value(ctx.plainLanguage);
        w.key("case").beginObject().key("title").value(
            local(sc.title, lang, ctx.plainLanguage, sc.id));
        w.key("summary")
            .value(local(sc.summary, lang, ctx.plainLanguage))
            .key("text")
            .value(local(sc.caseText, lang, ctx.plainLanguage));
        // Who votes in besluit: the council, or everyone (consensus).
        w.key("rule").value(decisionRuleId(sc.rule)).endObject();
        w.key("you").beginObject().key("seat").value(seat).key("role").value(role);
        w.key("name").value(seatName(seat)).endObject();
    }

    void phase() {
        const PhaseKind kind = game.currentPhase();
        std::int64_t remaining = st.phaseRemainingMs();
        if (ctx.nowMs >= 0 && !st.finished)
            remaining = std::max<std::int64_t>(0, st.phaseStartMs + st.phaseDurationMs -
                                                      std::max(ctx.nowMs, st.nowMs));
        const std::string name = text(std::string("table.phase.") + phaseId(kind));
        w.key("phase").beginObject().key("index").value(st.phase);
        w.key("count").value(static_cast<int>(sc.phases.size()));
        w.key("kind").value(phaseId(kind)).key("name").value(name.empty() ? phaseId(kind) : name);
        w.key("remainingMs").value(remaining).key("paused").value(st.paused);
        w.key("finished").value(st.finished);
        w.key("done").value(!st.finished && st.done[static_cast<std::size_t>(seat)]);
        w.key("last").value(st.phase + 1 >= static_cast<int>(sc.phases.size()));
        w.endObject();
    }

    void card() {
        const Role& r = sc.roles[static_cast<std::size_t>(role)];
        const std::vector<int>& weights = st.world.weights[static_cast<std::size_t>(role)];
        const std::vector<int> shown = valuesShownBy(st, role);
        std::vector<int> order;
        for (int v = 0; v < static_cast<int>(weights.size()); ++v)
            if (weights[static_cast<std::size_t>(v)] > 0)
                order.push_back(v);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return weights[static_cast<std::size_t>(a)] > weights[static_cast<std::size_t>(b)];
        });
        w.key("card").beginObject().key("kind").value(roleKindId(r.kind));
        w.key("brief").value(local(r.briefing, lang, ctx.plainLanguage)).key("values").beginArray();
        for (int v : order) {
            w.beginObject().key("value").value(v);
            w.key("weight").value(weights[static_cast<std::size_t>(v)]);
            w.key("shared").value(std::find(shown.begin(), shown.end(), v) != shown.end());
            w.endObject();
        }
        w.endArray().key("redLines").beginArray();
        for (int k = 0; k < static_cast<int>(r.preconditions.size()); ++k) {
            const Precondition& p = r.preconditions[static_cast<std::size_t>(k)];
            w.beginObject()
                .key("precondition")
                .value(k)
                .key("name")
                .value(local(p.name, lang, ctx.plainLanguage, p.id));
            w.key("text").value(redLine(p));
            w.key("shared").value(preconditionShared(st, role, k)).endObject();
        }
        w.endArray();
        const std::string secret = local(r.secret, lang, ctx.plainLanguage);
        if (secret.empty())
            w.key("secret").null();
        else
            w.key("secret").value(secret);
        w.endObject();
    }

    // [SECTION] Scenario --------------------------------------------------------

    void scenarioLists() {
        w.key("values").beginArray();
        for (int v = 0; v < static_cast<int>(sc.values.size()); ++v) {
            const Value& value = sc.values[static_cast<std::size_t>(v)];
            w.beginObject().key("value").value(v).key("id").value(value.id);
            w.key("name").value(local(value.name, lang, ctx.plainLanguage, value.id)).endObject();
        }
        w.endArray().key("issues").beginArray();
        for (int i = 0; i < static_cast<int>(sc.issues.size()); ++i) {
            const Issue& issue = sc.issues[static_cast<std::size_t>(i)];
            w.beginObject().key("issue").value(i).key("id").value(issue.id);
            w.key("name")
                .value(local(issue.name, lang, ctx.plainLanguage, issue.id))
                .key("options")
                .beginArray();
            for (int o = 0; o < static_cast<int>(issue.options.size()); ++o) {
                const Option& option = issue.options[static_cast<std::size_t>(o)];
                w.beginObject().key("option").value(o).key("id").value(option.id);
                w.key("name").value(local(option.name, lang, ctx.plainLanguage, option.id));
                w.key("enabled").value(static_cast<bool>(
                    st.world
                        .optionEnabled[static_cast<std::size_t>(i)][static_cast<std::size_t>(o)]));
                w.key("attributes").beginArray();
                for (double a : option.attributes)
                    w.value(a);
                w.endArray().endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().key("attributes").beginArray();
        for (int a = 0; a < static_cast<int>(sc.attributes.size()); ++a) {
            const Attribute& attribute = sc.attributes[static_cast<std::size_t>(a)];
            w.beginObject().key("attribute").value(a).key("id").value(attribute.id);
            w.key("name").value(local(attribute.name, lang, ctx.plainLanguage, attribute.id));
            w.key("unit").value(attribute.unit).endObject();
        }
        w.endArray();
    }

    // [SECTION] Roles -----------------------------------------------------------

    void sharedOf(int r) {
        const Role& ro = sc.roles[static_cast<std::size_t>(r)];
        w.key("sharedValues");
        writeInts(w, valuesShownBy(st, r));
        w.key("sharedPreconditions").beginArray();
        for (int k = 0; k < static_cast<int>(ro.preconditions.size()); ++k) {
            if (!preconditionShared(st, r, k))
                continue;
            const Precondition& p = ro.preconditions[static_cast<std::size_t>(k)];
            w.beginObject().key("precondition").value(k);
            w.key("name").value(local(p.name, lang, ctx.plainLanguage, p.id));
            w.key("text").value(redLine(p)).endObject();
        }
        w.endArray();
    }

    void roles() {
        w.key("roles").beginArray();
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
            const Role& ro = sc.roles[static_cast<std::size_t>(r)];
            w.beginObject().key("role").value(r).key("id").value(ro.id);
            w.key("name")
                .value(local(ro.name, lang, ctx.plainLanguage, ro.id))
                .key("kind")
                .value(roleKindId(ro.kind));
            w.key("brief").value(local(ro.briefing, lang, ctx.plainLanguage));
            // While people answer the begrip questions the board is hidden:
            // what was shared stays out of the JSON, not only off the page.
            if (!hidden)
                sharedOf(r);
            const std::string secret = local(ro.secret, lang, ctx.plainLanguage);
            if (secretIsPublic(game, r) && !secret.empty())
                w.key("secret").value(secret);
            else
                w.key("secret").null();
            seatsOf(r);
            w.endObject();
        }
        w.endArray();
    }

    void seatsOf(int r) {
        const int votingOn = st.decision.taken ? st.decision.proposal : game.proposalOnTable();
        w.key("seats").beginArray();
        for (int s = 0; s < game.seatCount(); ++s) {
            if (game.roleOfSeat(s) != r)
                continue;
            bool voted = false;
            if (inRange(votingOn, st.proposals))
                for (const CastVote& v : st.proposals[static_cast<std::size_t>(votingOn)].votes)
                    voted = voted || v.seat == s;
            w.beginObject().key("seat").value(s).key("name").value(seatName(s));
            w.key("present").value(present(s)).key("bot").value(bot(s));
            w.key("done").value(!st.finished && st.done[static_cast<std::size_t>(s)]);
            w.key("voted").value(voted).endObject();
        }
        w.endArray();
    }

    // [SECTION] Questions and proposals -------------------------------------------

    void questions() {
        w.key("questions").beginArray();
        for (const Question& q : st.questions) {
            w.beginObject().key("question").value(q.id).key("asker").value(q.askerSeat);
            w.key("role").value(q.targetRole).key("value").value(q.value);
            w.key("status").value(questionStatusId(q.status)).key("answeredBy").value(q.answeredBy);
            // An answer names a value the role shared: hidden with the board.
            w.key("answerValue").value(hidden ? -1 : q.answerValue);
            w.key("declineReason").value(declineReason(q.declineReason)).endObject();
        }
        w.endArray();
    }

    void conditions(const std::vector<MitsCondition>& list, const Package& package) {
        w.beginArray();
        for (const MitsCondition& c : list) {
            w.beginObject().key("text").value(condition(c.expression));
            w.key("expression").value(c.expression);
            w.key("met").value(conditionHolds(c.expression, package)).key("protects");
            writeReason(w, c.protects);
            w.endObject();
        }
        w.endArray();
    }

    void proposal(const Proposal& p, int onTable) {
        const ProposalNumber n = proposalNumber(st, p.id);
        w.beginObject().key("proposal").value(p.id).key("number").value(n.number);
        w.key("version").value(n.version);
        w.key("parent").value(p.parent).key("author").value(p.authorSeat);
        w.key("phase").value(p.phase).key("package");
        writeInts(w, p.package);
        w.key("note").value(p.note).key("status").value(proposalStatusId(p.status));
        w.key("onTable").value(p.id == onTable).key("attributes").beginArray();
        const std::vector<double> totals = attributeTotals(sc, p.package);
        for (int a = 0; a < static_cast<int>(totals.size()); ++a)
            w.beginObject().key("attribute").value(a).key("value").value(totals[a]).endObject();
        w.endArray().key("reactions").beginArray();
        for (const Reaction& r : p.reactions) {
            w.beginObject().key("seat").value(r.seat).key("kind").value(reactionKindId(r.kind));
            w.key("reason");
            writeReason(w, r.reason);
            w.key("conditions");
            conditions(r.conditions, p.package);
            w.endObject();
        }
        w.endArray().key("votes").beginArray();
        for (const CastVote& v : p.votes) {
            w.beginObject().key("seat").value(v.seat).key("kind").value(voteKindId(v.kind));
            w.key("reason");
            writeReason(w, v.reason);
            w.key("conditions");
            conditions(v.conditions, p.package);
            w.endObject();
        }
        w.endArray().key("conditions").beginArray();
        for (const AttachedCondition& c : p.conditions) {
            w.beginObject().key("text").value(condition(c.condition.expression));
            w.key("expression").value(c.condition.expression);
            w.key("met").value(c.met).key("from").value(c.fromSeat).key("protects");
            writeReason(w, c.condition.protects);
            w.endObject();
        }
        w.endArray().key("support").beginArray();
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
            if (!supportIsPublic(game, p, r))
                continue;
            w.beginObject().key("role").value(r);
            w.key("support").value(roundSupport(supportOf(sc, st.world, r, p.package)), 1);
            w.key("accepts").value(canAccept(sc, st.world, r, p.package)).endObject();
        }
        w.endArray().endObject();
    }

    void proposals() {
        const int onTable = game.proposalOnTable();
        w.key("proposals").beginArray();
        for (const Proposal& p : st.proposals)
            proposal(p, onTable);
        w.endArray();
    }

    void announcements() {
        w.key("announcements").beginArray();
        for (const Announcement& a : st.announcements) {
            if (!inRange(a.event, sc.events))
                continue;
            const Event& e = sc.events[static_cast<std::size_t>(a.event)];
            w.beginObject().key("event").value(a.event).key("title").value(
                local(e.title, lang, ctx.plainLanguage));
            w.key("text")
                .value(local(e.text, lang, ctx.plainLanguage))
                .key("phase")
                .value(a.phase)
                .endObject();
        }
        w.endArray();
    }

    // [SECTION] Decision, predictions, can, debrief --------------------------------

    void decision() {
        const Decision& d = st.decision;
        const bool taken = d.taken && inRange(d.proposal, st.proposals);
        w.key("decision").beginObject().key("taken").value(taken);
        w.key("proposal").value(taken ? d.proposal : -1);
        w.key("gedragen").value(taken && d.gedragen);
        w.key("gedragenAanTafel").value(taken && d.gedragenAanTafel).key("support").beginArray();
        for (int r = 0; taken && r < static_cast<int>(d.support.size()); ++r) {
            if (!supportIsPublic(game, st.proposals[static_cast<std::size_t>(d.proposal)], r))
                continue;
            w.beginObject().key("role").value(r).key("support");
            w.value(roundSupport(d.support[static_cast<std::size_t>(r)]), 1).endObject();
        }
        w.endArray().endObject();
    }

    void predictions() {
        w.key("predictions").beginArray();
        for (const Prediction& p : st.predictions) {
            if (p.seat != seat)
                continue;
            w.beginObject().key("role").value(p.targetRole).key("phase").value(p.phase);
            w.key("values");
            writeInts(w, p.values);
            w.endObject();
        }
        w.endArray();
    }

    // The begrip questions this person answers now (core/begrip.hpp): what
    // the page needs to ask them and the own answers, never which option is
    // right. Null outside perspectief and reflectie.
    void begrip() {
        const PhaseKind kind = game.currentPhase();
        w.key("begrip");
        if (st.finished || (kind != PhaseKind::Perspectief && kind != PhaseKind::Reflectie)) {
            w.null();
            return;
        }
        const std::vector<BegripItem> items = begripItems(sc, st.world, role);
        w.beginObject().key("boardHidden").value(hidden);
        w.key("open").value(unansweredBegripItems(game, seat, ctx.person));
        w.key("total").value(static_cast<int>(items.size())).key("items").beginArray();
        for (const BegripItem& item : items) {
            const Role& target = sc.roles[static_cast<std::size_t>(item.targetRole)];
            w.beginObject().key("kind").value(begripItemKindId(item.kind));
            w.key("role").value(item.targetRole);
            w.key("roleName").value(local(target.name, lang, ctx.plainLanguage, target.id));
            if (item.kind == BegripItemKind::Values) {
                w.key("values");
                const Prediction* own = nullptr;
                for (const Prediction& p : st.predictions)
                    if (p.seat == seat && p.person == ctx.person && p.phase == st.phase &&
                        p.targetRole == item.targetRole)
                        own = &p;
                if (own)
                    writeInts(w, own->values);
                else
                    w.null();
                w.endObject();
                continue;
            }
            if (item.kind == BegripItemKind::Interest && inRange(item.issue, sc.issues)) {
                const Issue& issue = sc.issues[static_cast<std::size_t>(item.issue)];
                w.key("issue").value(item.issue);
                w.key("issueName").value(local(issue.name, lang, ctx.plainLanguage, issue.id));
            }
            // Only the texts: an option's role or index would tell the key.
            w.key("options").beginArray();
            for (const ItemOption& o : item.options)
                w.value(local(o.text, lang, ctx.plainLanguage));
            w.endArray().key("choice");
            int choice = -1;
            for (const ItemAnswer& a : st.itemAnswers)
                if (a.seat == seat && a.person == ctx.person && a.phase == st.phase &&
                    a.targetRole == item.targetRole && a.kind == static_cast<int>(item.kind))
                    choice = a.choice;
            w.value(choice).endObject();
        }
        w.endArray().endObject();
    }

    // [SECTION] Speaking turns ---------------------------------------------------

    // Who speaks is said aloud in the room: every name is public. A team
    // member's own name, else the seat's.
    std::string speakerName(int s, int person) const {
        const auto& members = game.setup().seats[static_cast<std::size_t>(s)].members;
        if (inRange(person, members) && !members[static_cast<std::size_t>(person)].empty())
            return members[static_cast<std::size_t>(person)];
        const std::string name = seatName(s);
        return name.empty()
                   ? local(sc.roles[static_cast<std::size_t>(game.roleOfSeat(s))].name, lang, false,
                           sc.roles[static_cast<std::size_t>(game.roleOfSeat(s))].id)
                   : name;
    }

    void turns() {
        const std::int64_t now = std::max(ctx.nowMs, st.nowMs);
        w.key("turns").beginObject().key("floor");
        if (st.floor) {
            w.beginObject().key("name").value(speakerName(st.floor->seat, st.floor->person));
            w.key("you").value(st.hasFloor(seat, ctx.person));
            w.key("elapsedMs").value(std::max<std::int64_t>(0, now - st.floor->startMs));
            w.endObject();
        } else {
            w.null();
        }
        w.key("queue").beginArray();
        for (const TurnRequest& t : st.speakingQueue)
            w.value(speakerName(t.seat, t.person));
        w.endArray();
        w.key("place").value(st.queuePosition(seat, ctx.person)).endObject();
    }

    void can() {
        const SeatActions a = allowedActions(game, seat, ctx.person);
        w.key("can").beginObject();
        w.key("shareValue");
        writeInts(w, a.shareValue);
        w.key("ask");
        writeInts(w, a.ask);
        w.key("answer");
        writeInts(w, a.answer);
        w.key("decline");
        writeInts(w, a.decline);
        w.key("sharePrecondition");
        writeInts(w, a.sharePrecondition);
        w.key("predict");
        writeInts(w, a.predict);
        w.key("answerItem").beginArray();
        for (const auto& [target, kind] : a.answerItem)
            w.beginObject()
                .key("role")
                .value(target)
                .key("kind")
                .value(begripItemKindId(static_cast<BegripItemKind>(kind)))
                .endObject();
        w.endArray();
        w.key("propose").value(a.propose).key("amend");
        writeInts(w, a.amend);
        w.key("react");
        writeInts(w, a.react);
        w.key("vote").value(a.vote).key("done").value(a.done);
        w.key("requestTurn").value(a.requestTurn).key("endTurn").value(a.endTurn).endObject();
    }

    void debrief() {
        w.key("debrief");
        if (!st.finished) {
            w.null();
            return;
        }
        const Decision& d = st.decision;
        const Measurements m = game.measure();
        w.beginObject().key("support");
        const bool decided = d.taken && inRange(d.proposal, st.proposals);
        if (decided && inRange(role, d.support))
            w.value(roundSupport(d.support[static_cast<std::size_t>(role)]), 1);
        else
            w.null();
        w.key("accepts");
        if (decided)
            w.value(accepts(sc, st.world, role,
                            st.proposals[static_cast<std::size_t>(d.proposal)].package));
        else
            w.null();
        // This person's own begrip (a team member's, not the team's mean),
        // and which measure it is: v2 is corrected for guessing (0 is what
        // guessing gives, 1 all right), v1 (an old log) the share right.
        std::optional<double> before, after;
        for (const PersonMeasure& p : m.people)
            if (p.seat == seat && p.person == ctx.person) {
                before = p.begripBefore;
                after = p.begripAfter;
            }
        w.key("begripVersion").value(m.begripVersion).key("begripBefore");
        before ? w.value(*before) : w.null();
        w.key("begripAfter");
        after ? w.value(*after) : w.null();
        w.key("report");
        ctx.reportLink.empty() ? w.null() : w.value(ctx.reportLink);
        w.endObject();
    }
};

} // namespace

std::string seatViewJson(const Game& game, int seat, const std::string& lang,
                         const SeatViewContext& ctx) {
    if (seat < 0 || seat >= game.seatCount())
        return {};
    const int role = game.roleOfSeat(seat);
    if (!inRange(role, game.scenario().roles))
        return {};
    ViewWriter v{game,
                 game.scenario(),
                 game.state(),
                 seat,
                 role,
                 lang,
                 ctx,
                 game.scenario().exprNames(),
                 boardHidden(game),
                 {}};
    v.w.beginObject();
    v.header();
    v.phase();
    v.card();
    v.scenarioLists();
    v.roles();
    v.questions();
    v.proposals();
    v.announcements();
    v.decision();
    v.predictions();
    v.begrip();
    v.turns();
    v.can();
    v.debrief();
    v.w.endObject();
    return v.w.str();
}

// [SECTION] Lobby -----------------------------------------------------------------

std::string lobbyJson(const Scenario& sc, const std::vector<SeatStatus>& seats, bool started,
                      const std::string& lang, const std::string& sessionLang,
                      const LobbyRoom* room) {
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("lobby");
    if (!sessionLang.empty())
        w.key("sessionLang").value(sessionLang);
    w.key("case").beginObject().key("title").value(local(sc.title, lang, false, sc.id));
    w.key("summary").value(local(sc.summary, lang, false)).endObject();
    w.key("started").value(started).key("seats").beginArray();
    for (const SeatStatus& s : seats) {
        const bool known = inRange(s.role, sc.roles);
        const Role* role = known ? &sc.roles[static_cast<std::size_t>(s.role)] : nullptr;
        w.beginObject().key("seat").value(s.seat).key("role").value(role ? role->id : "");
        w.key("roleName").value(role ? local(role->name, lang, false, role->id) : "");
        w.key("taken").value(s.taken).key("bot").value(s.bot).key("name").value(s.name);
        if (room && room->teamSize > 1) {
            w.key("people").beginArray();
            for (const PersonStatus& p : s.people)
                w.value(p.name);
            w.endArray();
        }
        w.endObject();
    }
    w.endArray();
    if (room) {
        w.key("room").beginObject().key("tables").value(room->tables);
        w.key("teamSize").value(room->teamSize).key("table").value(room->table);
        w.key("waiting").value(room->waiting).key("roles").beginArray();
        for (const Role& r : sc.roles)
            w.beginObject()
                .key("role")
                .value(r.id)
                .key("roleName")
                .value(local(r.name, lang, false, r.id))
                .endObject();
        w.endArray().key("free").beginArray();
        for (const std::vector<int>& perRole : room->freeByRole) {
            w.beginArray();
            for (int n : perRole)
                w.value(n);
            w.endArray();
        }
        w.endArray().endObject();
    }
    w.endObject();
    return w.str();
}

} // namespace samenspel::net
