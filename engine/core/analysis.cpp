// The decision space of a scenario; definitions in analysis.hpp.
#include "core/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "core/bot.hpp" // splitmix64
#include "core/json.hpp"
#include "core/scoring.hpp"

namespace samenspel {

namespace {

std::size_t sz(int i) {
    return static_cast<std::size_t>(i);
}

// [SECTION] Precomputed space --------------------------------------------------

// Everything a package evaluation needs, flattened: per issue and available
// option ("digit"), each role's support numerator contribution sum_v w E and
// each attribute; per role the denominator 3 n sum_v w and its preconditions.
struct Space {
    const Scenario& sc;
    const World& world;
    int n = 0, roles = 0, attrs = 0;
    std::vector<std::vector<int>> options; // available option indices per issue
    std::vector<std::size_t> base;         // offset of issue i's first digit
    std::vector<long long> contrib;        // [(base[i] + d) * roles + r]
    std::vector<double> attr;              // [(base[i] + d) * attrs + a]
    std::vector<long long> den;            // per role; 0 = no weights
    std::vector<std::vector<const Expression*>> pre;
    std::vector<double> resources;

    Space(const Scenario& s, const World& w) : sc(s), world(w) {
        n = static_cast<int>(sc.issues.size());
        roles = static_cast<int>(sc.roles.size());
        attrs = static_cast<int>(sc.attributes.size());
        resources = world.resources;
        resources.resize(sc.resourceNames.size(), 0.0);
        std::size_t offset = 0;
        for (std::size_t i = 0; i < sc.issues.size(); ++i) {
            std::vector<int> avail;
            for (std::size_t o = 0; o < sc.issues[i].options.size(); ++o)
                if (i < world.optionEnabled.size() && o < world.optionEnabled[i].size() &&
                    world.optionEnabled[i][o])
                    avail.push_back(static_cast<int>(o));
            base.push_back(offset);
            offset += avail.size();
            options.push_back(std::move(avail));
        }
        contrib.assign(offset * sz(roles), 0);
        attr.assign(offset * sz(attrs), 0.0);
        for (int i = 0; i < n; ++i)
            for (std::size_t d = 0; d < options[sz(i)].size(); ++d) {
                const Option& o = sc.issues[sz(i)].options[sz(options[sz(i)][d])];
                for (int r = 0; r < roles; ++r) {
                    const auto& w = world.weights[sz(r)];
                    long long c = 0;
                    for (std::size_t v = 0; v < w.size() && v < o.effects.size(); ++v)
                        c += static_cast<long long>(w[v]) * o.effects[v];
                    contrib[(base[sz(i)] + d) * sz(roles) + sz(r)] = c;
                }
                for (int a = 0; a < attrs && a < static_cast<int>(o.attributes.size()); ++a)
                    attr[(base[sz(i)] + d) * sz(attrs) + sz(a)] = o.attributes[sz(a)];
            }
        for (int ri = 0; ri < roles; ++ri) {
            const Role& r = sc.roles[sz(ri)];
            long long wsum = 0;
            for (int w : world.weights[sz(ri)])
                wsum += w;
            den.push_back(3LL * n * wsum);
            std::vector<const Expression*> list;
            for (const Precondition& p : r.preconditions)
                if (p.require.valid())
                    list.push_back(&p.require);
            pre.push_back(std::move(list));
        }
    }

    std::uint64_t packageCount() const {
        std::uint64_t p = 1;
        for (const auto& o : options)
            p *= o.size();
        return p;
    }

    bool empty() const {
        for (const auto& o : options)
            if (o.empty())
                return true;
        return false;
    }

    // Exactly DESIGN.md's S_r: 100 * num / (3 n sum w), in doubles, the same
    // operations as scoring.cpp so equal rationals give equal doubles.
    double support(int r, long long num) const {
        if (den[sz(r)] == 0)
            return 0.0;
        return 100.0 * static_cast<double>(num) / static_cast<double>(den[sz(r)]);
    }
};

// One package at a time, with prefix sums per issue so that changing the
// option of issue i only recomputes issues i..n-1.
struct Cursor {
    const Space& sp;
    std::vector<int> digit;
    Package package;
    std::vector<long long> prefixNum;            // [(i) * roles + r]
    std::vector<std::vector<double>> prefixAttr; // [i][a]; the last is the total
    std::vector<double> totals;                  // attribute totals of the package
    std::vector<double> support;                 // per role
    std::uint64_t canMask = 0;                   // bit r: role r can accept
    ExprInputs inputs;

    explicit Cursor(const Space& s)
        : sp(s), digit(sz(s.n), 0), package(sz(s.n), 0), prefixNum(sz(s.n * s.roles), 0),
          prefixAttr(sz(s.n), std::vector<double>(sz(s.attrs), 0.0)), totals(sz(s.attrs), 0.0),
          support(sz(s.roles), 0.0) {
        inputs.attributeTotals = &totals;
        inputs.resources = &sp.resources;
        inputs.package = &package;
    }

    void recomputeFrom(int from) {
        const int R = sp.roles, A = sp.attrs;
        for (int i = from; i < sp.n; ++i) {
            const std::size_t cell = sp.base[sz(i)] + sz(digit[sz(i)]);
            package[sz(i)] = sp.options[sz(i)][sz(digit[sz(i)])];
            for (int r = 0; r < R; ++r)
                prefixNum[sz(i * R + r)] =
                    (i > 0 ? prefixNum[sz((i - 1) * R + r)] : 0) + sp.contrib[cell * sz(R) + sz(r)];
            for (int a = 0; a < A; ++a)
                prefixAttr[sz(i)][sz(a)] =
                    (i > 0 ? prefixAttr[sz(i - 1)][sz(a)] : 0.0) + sp.attr[cell * sz(A) + sz(a)];
        }
        if (sp.n > 0)
            std::copy(prefixAttr.back().begin(), prefixAttr.back().end(), totals.begin());
    }

    long long num(int r) const { return sp.n > 0 ? prefixNum[sz((sp.n - 1) * sp.roles + r)] : 0; }

    // Supports and who can accept, for the package the digits describe.
    void evaluate() {
        canMask = 0;
        for (int r = 0; r < sp.roles; ++r) {
            support[sz(r)] = sp.support(r, num(r));
            bool ok = true;
            for (const Expression* e : sp.pre[sz(r)])
                if (!e->holds(inputs)) {
                    ok = false;
                    break;
                }
            if (ok && r < 64)
                canMask |= 1ull << r;
        }
    }

    // Odometer step: the last issue turns fastest. False after the last package.
    bool next() {
        for (int i = sp.n - 1; i >= 0; --i) {
            if (++digit[sz(i)] < static_cast<int>(sp.options[sz(i)].size())) {
                recomputeFrom(i);
                return true;
            }
            digit[sz(i)] = 0;
        }
        return false;
    }

    void setDigits(const std::vector<int>& d) {
        digit = d;
        recomputeFrom(0);
    }
};

bool roleBit(std::uint64_t mask, int r) {
    return r >= 64 || ((mask >> r) & 1u);
}

struct RuleEval {
    const Scenario& sc;
    std::uint64_t allMask = 0;
    int roles = 0;

    explicit RuleEval(const Scenario& s) : sc(s), roles(static_cast<int>(s.roles.size())) {
        for (int r = 0; r < roles && r < 64; ++r)
            allMask |= 1ull << r;
    }

    bool accepts(const Cursor& c, int r) const {
        return roleBit(c.canMask, r) && c.support[sz(r)] >= sc.roles[sz(r)].reservation;
    }

    bool passes(const Cursor& c) const {
        switch (sc.rule) {
        case DecisionRule::Consensus:
            for (int r = 0; r < roles; ++r)
                if (!accepts(c, r))
                    return false;
            return roles > 0;
        case DecisionRule::UnanimousCouncil: {
            bool any = false;
            for (int r = 0; r < roles; ++r) {
                if (sc.roles[sz(r)].kind != RoleKind::Council)
                    continue;
                any = true;
                if (!accepts(c, r))
                    return false;
            }
            return any;
        }
        case DecisionRule::CouncilMajority: {
            long long total = 0, yes = 0;
            for (int r = 0; r < roles; ++r) {
                if (sc.roles[sz(r)].kind != RoleKind::Council)
                    continue;
                total += sc.roles[sz(r)].votes;
                if (accepts(c, r))
                    yes += sc.roles[sz(r)].votes;
            }
            return 2 * yes > total;
        }
        }
        return false;
    }

    double minimum(const Cursor& c) const {
        double m = 0.0;
        for (int r = 0; r < roles; ++r)
            m = r == 0 ? c.support[0] : std::min(m, c.support[sz(r)]);
        return m;
    }

    bool feasible(const Cursor& c) const { return (c.canMask & allMask) == allMask; }

    // Nash product with disagreement point -100 (see analysis.hpp).
    double nash(const Cursor& c) const {
        double product = 1.0;
        for (int r = 0; r < roles; ++r)
            product *= c.support[sz(r)] + 100.0;
        return product;
    }
};

// [SECTION] Counting large numbers ----------------------------------------------

// Exact product of option counts in decimal (spaces can exceed 2^64).
std::string bigProduct(const std::vector<std::vector<int>>& options) {
    std::vector<std::uint32_t> limbs{1}; // base 1e9, least significant first
    for (const auto& o : options) {
        std::uint64_t carry = 0;
        for (auto& limb : limbs) {
            const std::uint64_t x = static_cast<std::uint64_t>(limb) * o.size() + carry;
            limb = static_cast<std::uint32_t>(x % 1000000000u);
            carry = x / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    while (limbs.size() > 1 && limbs.back() == 0)
        limbs.pop_back();
    std::string out = std::to_string(limbs.back());
    for (std::size_t i = limbs.size() - 1; i-- > 0;) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
        out += buf;
    }
    return out;
}

std::uint64_t saturatedProduct(const std::vector<std::vector<int>>& options) {
    std::uint64_t p = 1;
    for (const auto& o : options) {
        if (o.empty())
            return 0;
        if (p > std::numeric_limits<std::uint64_t>::max() / o.size())
            return std::numeric_limits<std::uint64_t>::max();
        p *= o.size();
    }
    return p;
}

// [SECTION] Pareto frontier ---------------------------------------------------------

// Support numerators per role of every package (den_r is fixed and positive,
// so they order packages exactly as supports do). A sort-filter skyline: a
// dominating vector has a strictly larger sum, so after a counting sort by
// sum (descending) only earlier frontier members can dominate a vector, and
// vectors with equal sums never dominate each other (equal vectors included,
// which is why no de-duplication is needed).
class ParetoCounter {
  public:
    ParetoCounter(const Space& sp, std::uint64_t packages) : roles_(sz(sp.roles)) {
        vals_.reserve(packages * roles_);
        sums_.reserve(packages);
    }

    void add(const Cursor& c) {
        long long sum = 0;
        for (std::size_t r = 0; r < roles_; ++r) {
            const long long x = c.num(static_cast<int>(r));
            vals_.push_back(static_cast<std::int32_t>(x));
            sum += x;
        }
        sums_.push_back(sum);
    }

    std::uint64_t count() const {
        const std::size_t n = sums_.size();
        if (n == 0)
            return 0;
        const auto [lo, hi] = std::minmax_element(sums_.begin(), sums_.end());
        const long long minSum = *lo;
        const std::size_t buckets = static_cast<std::size_t>(*hi - minSum) + 1;
        std::vector<std::uint32_t> order(n);
        if (buckets <= 4 * n + 1024) {
            std::vector<std::uint32_t> start(buckets + 1, 0);
            for (long long s : sums_)
                ++start[static_cast<std::size_t>(*hi - s) + 1];
            for (std::size_t b = 1; b <= buckets; ++b)
                start[b] += start[b - 1];
            for (std::size_t i = 0; i < n; ++i)
                order[start[static_cast<std::size_t>(*hi - sums_[i])]++] =
                    static_cast<std::uint32_t>(i);
        } else {
            for (std::size_t i = 0; i < n; ++i)
                order[i] = static_cast<std::uint32_t>(i);
            std::stable_sort(order.begin(), order.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return sums_[a] > sums_[b]; });
        }
        std::vector<std::uint32_t> frontier;
        std::uint64_t total = 0;
        for (std::uint32_t d : order) {
            const std::int32_t* v = &vals_[d * roles_];
            bool dominated = false;
            for (std::uint32_t f : frontier) {
                if (sums_[f] == sums_[d])
                    continue;
                const std::int32_t* q = &vals_[f * roles_];
                bool geq = true;
                for (std::size_t r = 0; r < roles_ && geq; ++r)
                    geq = q[r] >= v[r];
                if (geq) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                frontier.push_back(d);
                ++total;
            }
        }
        return total;
    }

  private:
    std::size_t roles_;
    std::vector<std::int32_t> vals_; // [package * roles + r]; |num| <= 3 n sum w fits
    std::vector<long long> sums_;
};

// [SECTION] Exhaustive enumeration ------------------------------------------------------

std::string quoted(const std::string& id) {
    return "'" + id + "'";
}

void warn(AnalysisResult& out, const char* id, std::string text) {
    out.warnings.push_back({id, std::move(text)});
}

// The warnings one enumeration yields: roles that can never accept (alone
// or together), options in no feasible package, no gedragen decision, no
// tension. maskSeen (up to 20 roles) or maskSet: every set of roles that can
// accept some package.
void warnAboutSpace(const Space& sp, std::uint64_t count, const std::vector<std::uint8_t>& maskSeen,
                    const std::set<std::uint64_t>& maskSet, AnalysisResult& out) {
    const Scenario& sc = sp.sc;
    const bool smallMasks = sp.roles <= 20;
    // Which pairs of roles can both accept some package.
    std::vector<std::uint64_t> masks;
    if (smallMasks) {
        for (std::size_t m = 0; m < maskSeen.size(); ++m)
            if (maskSeen[m])
                masks.push_back(m);
    } else {
        masks.assign(maskSet.begin(), maskSet.end());
    }
    const int R = std::min(sp.roles, 64);
    std::vector<bool> alone(sz(R), false);
    std::vector<std::vector<bool>> together(sz(R), std::vector<bool>(sz(R), false));
    for (std::uint64_t m : masks)
        for (int a = 0; a < R; ++a) {
            if (!((m >> a) & 1u))
                continue;
            alone[sz(a)] = true;
            for (int b = a + 1; b < R; ++b)
                if ((m >> b) & 1u)
                    together[sz(a)][sz(b)] = true;
        }
    for (int a = 0; a < R; ++a)
        if (!alone[sz(a)])
            warn(out, "role_never_accepts",
                 "the preconditions of role " + quoted(sc.roles[sz(a)].id) +
                     " never all hold: it can accept no package");
    for (int a = 0; a < R; ++a)
        for (int b = a + 1; b < R; ++b)
            if (alone[sz(a)] && alone[sz(b)] && !together[sz(a)][sz(b)])
                warn(out, "roles_exclude_each_other",
                     "roles " + quoted(sc.roles[sz(a)].id) + " and " + quoted(sc.roles[sz(b)].id) +
                         " have preconditions that exclude each other: no package "
                         "satisfies both");
    if (out.feasible == 0) {
        warn(out, "no_feasible_package",
             "no package is feasible: in every package some role cannot accept");
    } else {
        for (int i = 0; i < sp.n; ++i)
            for (std::size_t d = 0; d < sp.options[sz(i)].size(); ++d)
                if (!out.optionInFeasible[sz(i)][sz(sp.options[sz(i)][d])])
                    warn(out, "option_never_feasible",
                         "option " + quoted(sc.issues[sz(i)].options[sz(sp.options[sz(i)][d])].id) +
                             " of issue " + quoted(sc.issues[sz(i)].id) +
                             " is in no feasible package");
    }
    if (out.gedragen == 0)
        warn(out, "no_gedragen",
             "no gedragen decision exists: no package is feasible, passes the "
             "decision rule and gives every role at least min_support " +
                 formatNumber(sc.minSupport, 1));
    else if (count > 0 && static_cast<double>(out.gedragen) >= 0.9 * static_cast<double>(count))
        warn(out, "almost_all_gedragen",
             "almost every package is gedragen (" + formatNumber(100.0 * out.gedragen / count, 1) +
                 "%): there is little tension to play");
}

// Feasibility of the cursor's package in another world: all its options
// available there and every precondition holding with that world's
// resources (weights do not enter feasibility).
struct ReferenceFeasibility {
    const Space& now;
    const World& world;
    std::vector<double> resources;

    ReferenceFeasibility(const Space& sp, const World& w) : now(sp), world(w) {
        resources = w.resources;
        resources.resize(sp.sc.resourceNames.size(), 0.0);
    }

    bool feasible(const Cursor& c) const {
        for (int i = 0; i < now.n; ++i) {
            const auto& enabled = world.optionEnabled[sz(i)];
            const int o = c.package[sz(i)];
            if (sz(o) >= enabled.size() || !enabled[sz(o)])
                return false;
        }
        ExprInputs in = c.inputs;
        in.resources = &resources;
        for (int r = 0; r < now.roles; ++r)
            for (const Expression* e : now.pre[sz(r)])
                if (!e->holds(in))
                    return false;
        return true;
    }
};

// Whether some gedragen package gives every role the highest support any
// package gives it. A package that is best for every role has the highest
// sum of supports of all, so if one is gedragen, the gedragen package with
// the highest sum is one: tracking that package and each role's best is
// enough.
class BestForAll {
  public:
    explicit BestForAll(int roles)
        : bestByRole_(sz(roles), -std::numeric_limits<double>::infinity()) {}

    void package(const Cursor& c) {
        for (std::size_t r = 0; r < bestByRole_.size(); ++r)
            bestByRole_[r] = std::max(bestByRole_[r], c.support[r]);
    }

    void gedragen(const Cursor& c) {
        double sum = 0.0;
        for (double x : c.support)
            sum += x;
        if (bestGedragen_.empty() || sum > bestSum_) {
            bestSum_ = sum;
            bestGedragen_ = c.support;
        }
    }

    bool holds() const {
        if (bestGedragen_.empty())
            return false;
        for (std::size_t r = 0; r < bestByRole_.size(); ++r)
            if (std::abs(bestGedragen_[r] - bestByRole_[r]) >= 1e-9)
                return false;
        return true;
    }

  private:
    std::vector<double> bestByRole_;
    std::vector<double> bestGedragen_;
    double bestSum_ = 0.0;
};

// usedFeasible is per available option ("digit"); the result per file index.
std::vector<std::vector<bool>> optionsInFeasible(const Space& sp,
                                                 const std::vector<std::vector<char>>& used) {
    std::vector<std::vector<bool>> out(sz(sp.n));
    for (int i = 0; i < sp.n; ++i) {
        out[sz(i)].assign(sp.sc.issues[sz(i)].options.size(), false);
        for (std::size_t d = 0; d < sp.options[sz(i)].size(); ++d)
            if (used[sz(i)][d])
                out[sz(i)][sz(sp.options[sz(i)][d])] = true;
    }
    return out;
}

struct Reference {
    const World* world = nullptr;
    const AnalysisResult* result = nullptr;
};

void enumerate(const Space& sp, AnalysisResult& out, const Reference& reference) {
    const Scenario& sc = sp.sc;
    const RuleEval rule(sc);
    Cursor c(sp);
    c.recomputeFrom(0);
    ParetoCounter pareto(sp, sp.packageCount());
    std::vector<std::vector<char>> usedFeasible(sz(sp.n));
    for (int i = 0; i < sp.n; ++i)
        usedFeasible[sz(i)].assign(sp.options[sz(i)].size(), 0);
    const bool smallMasks = sp.roles <= 20;
    std::vector<std::uint8_t> maskSeen(smallMasks ? (1u << sp.roles) : 0, 0);
    std::set<std::uint64_t> maskSet;
    std::optional<ReferenceFeasibility> before;
    if (reference.world && reference.result && reference.result->exhaustive)
        before.emplace(sp, *reference.world);

    bool haveMaxmin = false, haveNash = false, haveFeasibleMaxmin = false;
    double bestMin = 0.0, bestNash = 0.0, bestFeasibleMin = 0.0;
    BestForAll bestForAll(sp.roles);
    std::uint64_t count = 0, stillFeasible = 0;
    do {
        c.evaluate();
        ++count;
        if (smallMasks)
            maskSeen[c.canMask] = 1;
        else
            maskSet.insert(c.canMask);
        bestForAll.package(c);
        const double minimum = rule.minimum(c);
        if (!haveMaxmin || minimum > bestMin) {
            haveMaxmin = true;
            bestMin = minimum;
            out.maxminPackage = c.package;
            out.maxminSupportByRole = c.support;
            out.maxminIsFeasible = rule.feasible(c);
        }
        if (rule.feasible(c)) {
            ++out.feasible;
            for (int i = 0; i < sp.n; ++i)
                usedFeasible[sz(i)][sz(c.digit[sz(i)])] = 1;
            if (!haveFeasibleMaxmin || minimum > bestFeasibleMin) {
                haveFeasibleMaxmin = true;
                bestFeasibleMin = minimum;
                out.maxminFeasiblePackage = c.package;
                out.maxminFeasibleSupportByRole = c.support;
            }
            if (rule.passes(c) && minimum >= sc.minSupport) {
                ++out.gedragen;
                bestForAll.gedragen(c);
            }
            const double nash = rule.nash(c);
            if (!haveNash || nash > bestNash) {
                haveNash = true;
                bestNash = nash;
                out.nashPackage = c.package;
            }
            if (before)
                (before->feasible(c) ? stillFeasible : out.newlyFeasible) += 1;
        }
        pareto.add(c);
    } while (c.next());
    out.evaluations = count * sz(sp.roles);
    out.maxminSupport = bestMin;
    out.maxminFeasibleSupport = bestFeasibleMin;
    out.paretoCount = pareto.count();
    if (before)
        out.noLongerFeasible = reference.result->feasible - stillFeasible;
    out.bestForAllGedragen = bestForAll.holds();
    out.optionInFeasible = optionsInFeasible(sp, usedFeasible);
    warnAboutSpace(sp, count, maskSeen, maskSet, out);
}

// [SECTION] Search for spaces too large to enumerate ---------------------------------------

// Coordinate ascent with seeded random restarts: from a start, try every
// option of every issue and keep the change that most improves the
// objective, until no single change improves it. Objective for maxmin: the
// minimum support; for nash: (roles that can accept, Nash product); for
// feasible maxmin: (roles that can accept, minimum support). Only feasible
// end points count for nash and feasible maxmin.
void search(const Space& sp, const AnalysisOptions& options, AnalysisResult& out) {
    const RuleEval rule(sp.sc);
    Cursor c(sp);
    std::uint64_t evaluations = 0;
    const auto popcount = [](std::uint64_t m) { return __builtin_popcountll(m); };
    struct Score {
        double a = -std::numeric_limits<double>::infinity(), b = 0.0;
        bool operator>(const Score& o) const { return a > o.a || (a == o.a && b > o.b); }
    };
    enum Objective { Maxmin = 0, Nash = 1, FeasibleMaxmin = 2 };
    const auto score = [&](int objective) {
        c.evaluate();
        evaluations += sz(sp.roles);
        if (objective == Maxmin)
            return Score{rule.minimum(c), 0.0};
        const double accepting = static_cast<double>(popcount(c.canMask & rule.allMask));
        return Score{accepting, objective == Nash ? rule.nash(c) : rule.minimum(c)};
    };
    for (int objective = Maxmin; objective <= FeasibleMaxmin; ++objective) {
        // Maxmin and nash keep the starts they had before feasible maxmin came.
        const std::uint64_t stream = objective == FeasibleMaxmin ? (1ull << 19) : 0;
        Score best;
        bool haveBest = false;
        for (int restart = 0; restart < std::max(1, options.restarts); ++restart) {
            std::vector<int> d(sz(sp.n));
            for (int i = 0; i < sp.n; ++i)
                d[sz(i)] = static_cast<int>(
                    splitmix64(options.seed ^
                               splitmix64((static_cast<std::uint64_t>(restart) << 20) +
                                          static_cast<std::uint64_t>(i) * 2 +
                                          static_cast<std::uint64_t>(objective % 2) + stream)) %
                    sp.options[sz(i)].size());
            c.setDigits(d);
            Score current = score(objective);
            for (bool improved = true; improved;) {
                improved = false;
                for (int i = 0; i < sp.n; ++i) {
                    int bestDigit = d[sz(i)];
                    for (int k = 0; k < static_cast<int>(sp.options[sz(i)].size()); ++k) {
                        if (k == d[sz(i)])
                            continue;
                        c.digit = d;
                        c.digit[sz(i)] = k;
                        c.recomputeFrom(i);
                        const Score s = score(objective);
                        if (s > current) {
                            current = s;
                            bestDigit = k;
                            improved = true;
                        }
                    }
                    d[sz(i)] = bestDigit;
                    c.digit = d;
                    c.recomputeFrom(i);
                }
            }
            c.setDigits(d);
            score(objective);
            if (objective != Maxmin) {
                if (!rule.feasible(c) || (haveBest && !(current > best)))
                    continue;
                haveBest = true;
                best = current;
                if (objective == Nash) {
                    out.nashPackage = c.package;
                } else {
                    out.maxminFeasiblePackage = c.package;
                    out.maxminFeasibleSupport = current.b;
                    out.maxminFeasibleSupportByRole = c.support;
                }
            } else if (!haveBest || current > best) {
                haveBest = true;
                best = current;
                out.maxminPackage = c.package;
                out.maxminSupport = current.a;
                out.maxminSupportByRole = c.support;
                out.maxminIsFeasible = rule.feasible(c);
            }
        }
    }
    out.evaluations = evaluations;
}

} // namespace

// [SECTION] Entry points ---------------------------------------------------------------

AnalysisResult analyzeScenario(const Scenario& sc, const AnalysisOptions& options) {
    return analyzeWorld(sc, World::initial(sc), options);
}

AnalysisResult analyzeWorld(const Scenario& sc, const World& world, const AnalysisOptions& options,
                            const World* before, const AnalysisResult* beforeResult) {
    AnalysisResult out;
    const Space sp(sc, world);
    for (std::size_t v = 0; v < sc.values.size(); ++v) {
        bool weighed = false;
        for (const auto& weights : world.weights)
            weighed |= v < weights.size() && weights[v] > 0;
        if (!weighed)
            warn(out, "unweighed_value",
                 "value " + quoted(sc.values[v].id) + " is weighed by no role");
    }
    out.packagesText = bigProduct(sp.options);
    out.packages = saturatedProduct(sp.options);
    if (sp.empty()) {
        for (std::size_t i = 0; i < sp.options.size(); ++i)
            if (sp.options[i].empty())
                warn(out, "no_option_available",
                     "issue " + quoted(sc.issues[i].id) +
                         " has no option available: there is no package");
        warn(out, "no_gedragen", "no gedragen decision exists: there is no package at all");
        if (before && beforeResult && beforeResult->exhaustive)
            out.noLongerFeasible = beforeResult->feasible;
        return out;
    }
    const bool tooLarge = out.packagesText.size() > 20 || out.packages > options.enumerationLimit;
    if (!tooLarge) {
        enumerate(sp, out, Reference{before, beforeResult});
        return out;
    }
    out.exhaustive = false;
    warn(out, "not_enumerated",
         "the space has " + out.packagesText + " packages, more than " +
             std::to_string(options.enumerationLimit) +
             ": it was not enumerated; maxmin, feasible maxmin and nash come from a seeded "
             "coordinate-ascent search with " +
             std::to_string(options.restarts) +
             " random restarts and may miss the optimum; feasible, gedragen and "
             "pareto_count are unknown");
    search(sp, options, out);
    return out;
}

} // namespace samenspel
