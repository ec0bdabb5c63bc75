// Browsers on the host's one port (Boost.Beast): the player page's files, the
// catalogs, and the WebSocket a phone plays over. A WebSocket carries the
// same JSON messages as a native client's frames and goes through the same
// handleMessage, so hidden information, seats, tokens and limits are decided
// in one place (docs/web_client.md, docs/network.md "Security").
#include <filesystem>
#include <fstream>
#include <sstream>

#include "net/host_transport.hpp"
#include "net/web_files.hpp"

namespace samenspel::net {

namespace {

constexpr std::size_t kMaxRequestHeader = 8 * 1024;

using Response = http::response<http::string_body>;

// The origin a page was loaded from must be this host (the address in the
// request's Host header), so another site open on a phone cannot play a
// seat through it. Scripts and native tools send no Origin.
bool sameOrigin(const http::request<http::string_body>& req) {
    const auto origin = req.find(http::field::origin);
    if (origin == req.end())
        return true;
    const std::string host(req[http::field::host]);
    const std::string value(origin->value());
    return !host.empty() && (value == "http://" + host || value == "https://" + host);
}

std::shared_ptr<Response> answer(const http::request<http::string_body>& req, const WebFile& file) {
    auto res = std::make_shared<Response>(file.status == 200   ? http::status::ok
                                          : file.status == 405 ? http::status::method_not_allowed
                                                               : http::status::not_found,
                                          req.version());
    res->set(http::field::server, "Samenspel");
    res->set(http::field::content_type, file.contentType);
    for (const auto& [name, value] : securityHeaders(file, std::string(req[http::field::host])))
        res->set(name, value);
    res->keep_alive(req.keep_alive());
    if (req.method() != http::verb::head)
        res->body() = file.body;
    res->content_length(file.body.size());
    return res;
}

} // namespace

std::string Host::Impl::assetsDir() const {
    return config.assetsDir.empty() ? std::string(SAMENSPEL_SOURCE_DIR) + "/assets"
                                    : config.assetsDir;
}

void Host::Impl::prepareWebFiles() {
    webFiles = WebFiles(assetsDir() + "/web", [this](const std::string& lang) {
        std::optional<std::string> json;
        if (isCatalogLanguage(lang) && catalogFor(lang).found)
            json = catalogFor(lang).json();
        return json;
    });
}

void Host::Impl::readHttp(const std::shared_ptr<Connection>& cp) {
    Wire& w = *cp->wire;
    w.request = std::make_unique<http::request_parser<http::string_body>>();
    w.request->header_limit(kMaxRequestHeader);
    w.request->body_limit(kMaxRequestHeader); // a GET has no body
    http::async_read(
        w.socket, w.httpBuffer, *w.request,
        [this, cp](const boost::system::error_code& ec, std::size_t) {
            if (cp->dead)
                return;
            if (ec) {
                cp->dead = true; // closed, or a request we will not read
                return;
            }
            const http::request<http::string_body>& req = cp->wire->request->get();
            if (websocket::is_upgrade(req)) {
                upgradeToWebSocket(cp);
                return;
            }
            const WebFile file =
                webFiles.serve(std::string(req.method_string()), std::string(req.target()));
            ++stats.httpRequests;
            std::shared_ptr<Response> res = answer(req, file);
            http::async_write(
                cp->wire->socket, *res,
                [this, cp, res](const boost::system::error_code& writeError, std::size_t sent) {
                    stats.bytesSent += sent;
                    if (cp->dead)
                        return;
                    if (writeError || !res->keep_alive()) {
                        cp->dead = true;
                        return;
                    }
                    cp->openedAt = Clock::now(); // idle from now
                    readHttp(cp);
                });
        });
}

void Host::Impl::upgradeToWebSocket(const std::shared_ptr<Connection>& cp) {
    Wire& w = *cp->wire;
    http::request<http::string_body> req = w.request->release();
    if (webFiles.pathOf(std::string(req.target())) != "/ws" || !sameOrigin(req)) {
        ++stats.httpRequests;
        cp->dead = true; // not our WebSocket, or another site's page
        notice("connection " + std::to_string(cp->id) + " from " + cp->address +
               ": WebSocket refused (wrong path or another site's page)");
        return;
    }
    w.webSocket = std::make_unique<websocket::stream<tcp::socket>>(std::move(w.socket));
    w.webSocket->read_message_max(kMaxClientFrame);
    // A phone that locks or leaves the Wi-Fi rarely closes its connection:
    // Beast pings an idle one and gives up after 30 s without an answer, so
    // the projector shows the seat as away and the page's reconnect gets it
    // back.
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = std::chrono::seconds(10);
    timeouts.idle_timeout = std::chrono::seconds(30);
    timeouts.keep_alive_pings = true;
    w.webSocket->set_option(timeouts);
    w.webSocket->set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "Samenspel"); }));
    w.webSocket->text(true);
    w.webSocket->async_accept(req, [this, cp](const boost::system::error_code& ec) {
        if (cp->dead)
            return;
        if (ec) {
            cp->dead = true;
            return;
        }
        cp->wire->kind = Wire::Kind::WebSocket;
        cp->http = false;
        cp->web = true;
        cp->openedAt = Clock::now(); // the hello must come within the timeout from now
        readWebSocket(cp);
    });
}

void Host::Impl::readWebSocket(const std::shared_ptr<Connection>& cp) {
    Wire& w = *cp->wire;
    w.webSocket->async_read(w.webIn, [this, cp](const boost::system::error_code& ec, std::size_t) {
        if (cp->dead)
            return;
        Wire& wire = *cp->wire;
        if (ec == websocket::error::message_too_big) {
            closeWith(*cp, cp->helloDone ? "bye" : "refuse", reason::kFrameTooLarge,
                      "A message larger than the limit of " + std::to_string(kMaxClientFrame) +
                          " bytes.");
            cp->dead = true; // the stream cannot go on after it
            return;
        }
        if (ec) {
            cp->dead = true; // closed by the other side
            return;
        }
        std::string body = beast::buffers_to_string(wire.webIn.data());
        wire.webIn.consume(wire.webIn.size());
        handleMessage(*cp, body);
        if (!cp->dead && !cp->closing)
            readWebSocket(cp);
    });
}

void Host::Impl::writeWebSocket(const std::shared_ptr<Connection>& cp) {
    Wire& w = *cp->wire;
    if (w.webWriting || w.webQueue.empty() || !w.webSocket)
        return;
    w.webWriting = true;
    w.webSocket->async_write(asio::buffer(w.webQueue.front()),
                             [this, cp](const boost::system::error_code& ec, std::size_t sent) {
                                 Wire& wire = *cp->wire;
                                 wire.webWriting = false;
                                 stats.bytesSent += sent;
                                 wire.webBytes -= wire.webQueue.front().size();
                                 wire.webQueue.pop_front();
                                 if (cp->dead)
                                     return;
                                 if (ec) {
                                     cp->dead = true;
                                     return;
                                 }
                                 writeWebSocket(cp);
                             });
}

} // namespace samenspel::net
