#pragma once
// The host's Boost.Asio / Boost.Beast side, for host_transport.cpp and
// host_http.cpp only: the other host files see a Connection and never include
// Boost (it is heavy to compile).
#include <array>
#include <deque>
#include <memory>
#include <string>
#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "net/host_internal.hpp"

namespace samenspel::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

struct Reactor {
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
};

struct Wire {
    // Sniffing: nothing read yet. Native: length-prefixed frames (the desktop
    // client). Http: a browser asking for files. WebSocket: a browser playing.
    enum class Kind { Sniffing, Native, Http, WebSocket };

    explicit Wire(tcp::socket s) : socket(std::move(s)) {}

    Kind kind = Kind::Sniffing;
    tcp::socket socket; // moved into `webSocket` after the upgrade
    std::unique_ptr<websocket::stream<tcp::socket>> webSocket;

    // Native: what waits to be written, and what is being written now.
    std::string queued;
    std::string inFlight;
    std::array<char, 16384> readBuffer{};

    // Http: the request being read.
    beast::flat_buffer httpBuffer;
    std::unique_ptr<http::request_parser<http::string_body>> request;

    // WebSocket: whole messages, written one at a time.
    std::deque<std::string> webQueue;
    std::size_t webBytes = 0;
    bool webWriting = false;
    beast::flat_buffer webIn;

    tcp::socket& lowest() { return webSocket ? webSocket->next_layer() : socket; }
};

} // namespace samenspel::net
