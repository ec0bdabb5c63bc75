// The packages bots weigh and their value and attribute totals, shared by all
// bots of a session through a PackageTableCache (see bot.hpp).
#include <algorithm>
#include <memory>

#include "core/bot_internal.hpp"

namespace samenspel {

using namespace bot_detail;

// [SECTION] Package tables ------------------------------------------------------

std::uint64_t PackageTable::keyOf(const World& w) {
    std::uint64_t key = 1469598103934665603ull;
    for (const auto& issue : w.optionEnabled) {
        for (bool b : issue)
            key = (key ^ (b ? 1u : 2u)) * 1099511628211ull;
        key = (key ^ 3u) * 1099511628211ull;
    }
    return key;
}

// All packages of the enabled options when there are at most
// kMaxPackagesConsidered, else a seeded sample of that many (the seed is
// fixed, so the table depends on the scenario and the options alone).
std::shared_ptr<const PackageTable> PackageTable::build(const Scenario& sc, const World& w) {
    auto t = std::make_shared<PackageTable>();
    t->key = keyOf(w);
    const std::size_t n = sc.issues.size();
    std::vector<std::vector<int>> enabled(n);
    double space = 1.0, all = 1.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t o = 0; o < w.optionEnabled[i].size(); ++o)
            if (w.optionEnabled[i][o])
                enabled[i].push_back(static_cast<int>(o));
        space *= static_cast<double>(enabled[i].size());
        all *= static_cast<double>(std::max<std::size_t>(1, sc.issues[i].options.size()));
    }
    if (space > 0.0 && n > 0 && space <= static_cast<double>(kMaxPackagesConsidered)) {
        std::vector<std::size_t> digit(n, 0);
        for (bool more = true; more;) {
            Package p(n);
            for (std::size_t i = 0; i < n; ++i)
                p[i] = enabled[i][digit[i]];
            t->packages.push_back(std::move(p));
            more = false;
            for (std::size_t i = n; i-- > 0;) {
                if (++digit[i] < enabled[i].size()) {
                    more = true;
                    break;
                }
                digit[i] = 0;
            }
        }
    } else if (space > 0.0 && n > 0) {
        for (std::size_t k = 0; k < kMaxPackagesConsidered; ++k) {
            Package p(n);
            for (std::size_t i = 0; i < n; ++i)
                p[i] = enabled[i][splitmix64(key3(kCoinSample, k, i)) % enabled[i].size()];
            t->packages.push_back(std::move(p));
        }
    }
    if (all <= 65536.0) {
        t->stride.assign(n, 1);
        std::size_t size = 1;
        for (std::size_t i = n; i-- > 0;) {
            t->stride[i] = size;
            size *= std::max<std::size_t>(1, sc.issues[i].options.size());
        }
        t->dense.assign(size, -1);
    }
    const std::size_t values = sc.values.size(), attributes = sc.attributes.size();
    const std::size_t count = t->packages.size();
    t->totals.assign(count * values, 0);
    t->attrs.assign(count * attributes, 0.0);
    t->duplicate.assign(count, 0);
    for (std::size_t k = 0; k < count; ++k) {
        const Package& p = t->packages[k];
        if (!t->dense.empty()) {
            std::size_t idx = 0;
            for (std::size_t i = 0; i < n; ++i)
                idx += t->stride[i] * sz(p[i]);
            if (t->dense[idx] >= 0) {
                t->duplicate[k] = 1;
                continue;
            }
            t->dense[idx] = static_cast<int>(k);
        } else if (!t->sparse.emplace(p, static_cast<int>(k)).second) {
            t->duplicate[k] = 1;
            continue;
        }
        // Summed in issue order, like scoring.cpp, so the doubles are identical.
        int* totals = &t->totals[k * values];
        double* attrs = attributes ? &t->attrs[k * attributes] : nullptr;
        for (std::size_t i = 0; i < n; ++i) {
            const Option& o = sc.issues[i].options[sz(p[i])];
            for (std::size_t v = 0; v < values && v < o.effects.size(); ++v)
                totals[v] += o.effects[v];
            for (std::size_t a = 0; a < attributes && a < o.attributes.size(); ++a)
                attrs[a] += o.attributes[a];
        }
    }
    return t;
}

int PackageTable::indexOf(const Scenario& sc, const Package& p) const {
    if (p.size() != sc.issues.size())
        return -1;
    if (!dense.empty()) {
        std::size_t idx = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (p[i] < 0 || p[i] >= static_cast<int>(sc.issues[i].options.size()))
                return -1;
            idx += stride[i] * sz(p[i]);
        }
        return dense[idx];
    }
    const auto it = sparse.find(p);
    return it == sparse.end() ? -1 : it->second;
}

std::shared_ptr<const PackageTable> PackageTableCache::get(const Scenario& sc, const World& w) {
    const std::uint64_t key = PackageTable::keyOf(w);
    auto it = tables_.find(key);
    if (it == tables_.end())
        it = tables_.emplace(key, PackageTable::build(sc, w)).first;
    return it->second;
}

} // namespace samenspel
