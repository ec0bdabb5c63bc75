#pragma once
// The addresses people can type to reach this machine: its IPv4 addresses on
// the local network, for the host's join screen.
#include <string>
#include <vector>

namespace samenspel::net {

// Non-loopback IPv4 addresses of the interfaces that are up, best first
// (private LAN ranges before others). Never contacts the network.
std::vector<std::string> localIpv4Addresses();

// The addresses a host listening on `bindAddress` can be reached at, best
// first: the local network's for "0.0.0.0" (or empty), else that address.
std::vector<std::string> reachableAddresses(const std::string& bindAddress);

} // namespace samenspel::net
