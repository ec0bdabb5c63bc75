#include "net/addresses.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>

namespace samenspel::net {

namespace {

// 10/8, 172.16/12 and 192.168/16 first: those are what a classroom uses.
int rank(const std::string& address) {
    if (address.rfind("192.168.", 0) == 0 || address.rfind("10.", 0) == 0)
        return 0;
    if (address.rfind("172.", 0) == 0)
        return 1;
    return 2;
}

} // namespace

std::vector<std::string> localIpv4Addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return out;
    for (ifaddrs* it = list; it; it = it->ifa_next) {
        if (!it->ifa_addr || it->ifa_addr->sa_family != AF_INET)
            continue;
        if ((it->ifa_flags & IFF_UP) == 0 || (it->ifa_flags & IFF_LOOPBACK) != 0)
            continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(it->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text))
            out.emplace_back(text);
    }
    freeifaddrs(list);
    std::stable_sort(out.begin(), out.end(),
                     [](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> reachableAddresses(const std::string& bindAddress) {
    if (bindAddress.empty() || bindAddress == "0.0.0.0")
        return localIpv4Addresses();
    return {bindAddress};
}

} // namespace samenspel::net
