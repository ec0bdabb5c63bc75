// The host's sockets on Boost.Asio: accepting, telling a native client from a
// browser, reading frames, sending, timeouts. One io_context, run only from
// Host::poll in the host's own thread, so every handler runs between two
// steps of the session and nothing needs a lock (docs/network.md "Transport").
#include "net/host_transport.hpp"

#include <algorithm>

#include "core/json.hpp"

namespace samenspel::net {

Host::Impl::Impl() = default;

Host::Impl::~Impl() {
    // The sockets go before the io_context that serves them; handlers still
    // waiting hold their connection and are dropped with the io_context.
    for (auto& c : connections)
        if (c->wire)
            closeWire(*c);
    connections.clear();
}

std::size_t Connection::pending() const {
    if (!wire)
        return 0;
    return wire->queued.size() + wire->inFlight.size() + wire->webBytes;
}

// [Sending] -------------------------------------------------------------------

void Host::Impl::send(Connection& c, const std::string& body) {
    if (c.dead || !c.wire)
        return;
    Wire& w = *c.wire;
    if (w.kind == Wire::Kind::WebSocket) {
        w.webQueue.push_back(body);
        w.webBytes += body.size();
    } else {
        appendFrame(w.queued, body);
    }
    if (c.pending() > config.maxOutgoingBytes)
        drop(c, reason::kNotReading);
}

// Refuses (handshake) or ends (later) a connection with a reason, after
// which only the queued bytes still go out.
void Host::Impl::closeWith(Connection& c, const std::string& type, const std::string& key,
                           const std::string& detail) {
    const std::string message = echoSafe(detail.empty() ? englishFor(key) : detail);
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value(type);
    w.key("reason").value(key).key("message").value(message);
    w.key("version").value(kProtocolVersion).endObject();
    send(c, w.str());
    if (!c.closing) {
        c.closing = true;
        c.closingSince = Clock::now();
    }
    if (type == "refuse")
        ++stats.handshakesRefused;
    else
        ++stats.connectionsDropped;
    ++stats.dropReasons[key];
    notice("connection " + std::to_string(c.id) + " from " + c.address + ": " + type + " (" +
           message + ")");
}

// Ends a connection at once (it is beyond talking to).
void Host::Impl::drop(Connection& c, const std::string& key) {
    if (c.dead)
        return;
    c.dead = true;
    ++stats.connectionsDropped;
    ++stats.dropReasons[key];
    notice("connection " + std::to_string(c.id) + " from " + c.address +
           " dropped: " + englishFor(key));
}

// Starts writing what is queued, if nothing is on its way yet: all queued
// frames of a native client in one write, a browser's messages one by one
// (a WebSocket message is written whole).
void Host::Impl::flush(const std::shared_ptr<Connection>& cp) {
    if (cp->dead || !cp->wire)
        return;
    Wire& w = *cp->wire;
    if (w.kind == Wire::Kind::WebSocket) {
        writeWebSocket(cp);
        return;
    }
    if (!w.inFlight.empty() || w.queued.empty())
        return;
    w.inFlight.swap(w.queued);
    asio::async_write(w.socket, asio::buffer(w.inFlight),
                      [this, cp](const boost::system::error_code& ec, std::size_t sent) {
                          stats.bytesSent += sent;
                          cp->wire->inFlight.clear();
                          if (cp->dead)
                              return;
                          if (ec) {
                              cp->dead = true; // the other side is gone
                              return;
                          }
                          flush(cp);
                      });
}

// [Accepting] -----------------------------------------------------------------

bool Host::Impl::listen(std::string& error) {
    prepareWebFiles();
    reactor = std::make_unique<Reactor>();
    boost::system::error_code ec;
    const asio::ip::address address = asio::ip::make_address(config.bindAddress, ec);
    tcp::acceptor& acceptor = reactor->acceptor;
    const tcp::endpoint endpoint(address, config.port);
    // SO_REUSEADDR: a host restarted after a crash must get its port back
    // while the old connections linger in TIME_WAIT, or the players'
    // laptops cannot rejoin their seats.
    if (!ec)
        acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        error = "Cannot listen on " + config.bindAddress + ":" + std::to_string(config.port) +
                " (is the port in use? pick another with --port)";
        return false;
    }
    acceptNext();
    return true;
}

unsigned short Host::Impl::port() const {
    boost::system::error_code ec;
    return reactor ? reactor->acceptor.local_endpoint(ec).port() : 0;
}

void Host::Impl::closeListener() {
    if (!reactor)
        return;
    boost::system::error_code ec;
    reactor->acceptor.close(ec);
}

int Host::Impl::connectionsFrom(const std::string& address) const {
    int n = 0;
    for (const auto& c : connections)
        n += !c->dead && c->address == address ? 1 : 0;
    return n;
}

void Host::Impl::acceptNext() {
    reactor->acceptor.async_accept([this](const boost::system::error_code& ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !reactor->acceptor.is_open())
            return;
        if (!ec)
            accepted(std::make_shared<Wire>(std::move(socket)));
        acceptNext();
    });
}

void Host::Impl::accepted(std::shared_ptr<Wire> wire) {
    tcp::socket& socket = wire->socket;
    boost::system::error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec)
        return; // gone before we looked
    const std::string address = remote.address().to_string();
    if (static_cast<int>(connections.size()) >= config.maxConnections ||
        connectionsFrom(address) >= config.maxConnectionsPerAddress) {
        socket.close(ec);
        ++stats.connectionsRefusedAtOnce;
        return;
    }
    if (config.socketSendBuffer > 0)
        socket.set_option(asio::socket_base::send_buffer_size(config.socketSendBuffer), ec);
    socket.set_option(tcp::no_delay(true), ec);
    auto c = std::make_shared<Connection>();
    c->id = nextConnectionId++;
    c->address = address;
    c->openedAt = Clock::now();
    c->wire = std::move(wire);
    ++stats.connectionsAccepted;
    connections.push_back(c);
    sniff(c);
}

// A native client's first frame starts with its length, a byte 0 for any
// frame the host accepts; a browser's first bytes are an HTTP request line
// ("GET / HTTP/1.1"). One port serves both.
void Host::Impl::sniff(const std::shared_ptr<Connection>& cp) {
    cp->wire->socket.async_wait(tcp::socket::wait_read, [this,
                                                         cp](const boost::system::error_code& ec) {
        if (cp->dead)
            return;
        if (ec) {
            cp->dead = true;
            return;
        }
        char first = 0;
        boost::system::error_code peekError;
        const std::size_t n =
            cp->wire->socket.receive(asio::buffer(&first, 1), tcp::socket::message_peek, peekError);
        if (peekError || n == 0) {
            cp->dead = true; // closed before it said anything
            return;
        }
        if (first >= 'A' && first <= 'Z') {
            cp->wire->kind = Wire::Kind::Http;
            cp->http = true;
            readHttp(cp);
        } else {
            cp->wire->kind = Wire::Kind::Native;
            readNative(cp);
        }
    });
}

// [Reading a native client] ---------------------------------------------------

void Host::Impl::readNative(const std::shared_ptr<Connection>& cp) {
    Wire& w = *cp->wire;
    w.socket.async_read_some(asio::buffer(w.readBuffer),
                             [this, cp](const boost::system::error_code& ec, std::size_t n) {
                                 if (cp->dead)
                                     return;
                                 if (ec) {
                                     cp->dead = true; // closed by the other side
                                     return;
                                 }
                                 nativeBytes(*cp, cp->wire->readBuffer.data(), n);
                                 if (!cp->dead && !cp->closing)
                                     readNative(cp);
                             });
}

void Host::Impl::nativeBytes(Connection& c, const char* data, std::size_t size) {
    const auto now = Clock::now();
    const bool wasMid = c.reader.midFrame();
    c.reader.feed(data, size);
    if (!wasMid)
        c.frameStartedAt = now;
    while (!c.dead && !c.closing) {
        std::optional<std::string> body = c.reader.next();
        if (!body)
            break;
        handleMessage(c, *body);
        c.frameStartedAt = now;
    }
    if (c.reader.oversized() && !c.closing)
        closeWith(c, c.helloDone ? "bye" : "refuse", reason::kFrameTooLarge,
                  "A frame of " + std::to_string(c.reader.announcedSize()) +
                      " bytes is larger than the limit of " + std::to_string(kMaxClientFrame) +
                      " bytes.");
}

// [The loop] ------------------------------------------------------------------

void Host::Impl::checkTimeouts(Connection& c, Clock::time_point now) {
    if (c.dead)
        return;
    if (c.closing) {
        if (c.pending() == 0 || secondsSince(c.closingSince, now) > 2.0)
            c.dead = true;
        return;
    }
    if (c.http) {
        // A browser's file requests: answered at once; an idle keep-alive
        // connection is closed so it does not hold a slot.
        if (secondsSince(c.openedAt, now) > config.handshakeTimeoutSeconds && c.pending() == 0)
            c.dead = true;
        return;
    }
    if (!c.helloDone && secondsSince(c.openedAt, now) > config.handshakeTimeoutSeconds)
        closeWith(c, "refuse", reason::kHandshakeTimeout);
    else if (c.reader.midFrame() &&
             secondsSince(c.frameStartedAt, now) > config.stalledFrameSeconds)
        closeWith(c, "bye", reason::kStalledFrame);
}

void Host::Impl::closeWire(Connection& c) {
    if (!c.wire)
        return;
    boost::system::error_code ec;
    tcp::socket& socket = c.wire->lowest();
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

void Host::Impl::removeDead() {
    std::vector<Table*> presenceChanged;
    for (auto& c : connections) {
        if (!c->dead)
            continue;
        closeWire(*c);
        Person* p = personById(c->person);
        if (p && p->connection == c->id)
            p->connection = 0;
        if (Table* t = tableOf(*c)) {
            std::erase_if(t->connections, [&c](const auto& cp) { return cp == c; });
            if (p && p->table == t->index) {
                if (std::find(presenceChanged.begin(), presenceChanged.end(), t) ==
                    presenceChanged.end())
                    presenceChanged.push_back(t);
                notice((tables.size() > 1 ? "table " + std::to_string(t->index + 1) + ", " : "") +
                       "seat " + std::to_string(c->seat) + " (" + t->seatLabel(c->seat) +
                       ") is away");
            }
        }
    }
    std::erase_if(connections, [](const auto& c) { return c->dead; });
    for (Table* t : presenceChanged)
        t->broadcastPresence();
}

// Runs the handlers of whatever the network did: waits up to `maxWaitSeconds`
// for the first, then takes every other that is ready.
void Host::Impl::runNetwork(double maxWaitSeconds) {
    if (!reactor)
        return;
    asio::io_context& io = reactor->io;
    io.restart();
    if (maxWaitSeconds > 0.0)
        io.run_one_for(std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::duration<double>(maxWaitSeconds)));
    io.poll();
}

void Host::Impl::poll(double maxWaitSeconds) {
    for (auto& t : tables)
        t->phaseAtPollStart = t->session ? t->session->state().phase : -1;
    bool pendingOut = false;
    for (auto& c : connections)
        pendingOut = pendingOut || c->pending() > 0;
    runNetwork(pendingOut ? std::min(maxWaitSeconds, 0.002) : maxWaitSeconds);
    const auto now = Clock::now();
    for (auto& c : connections)
        checkTimeouts(*c, now);
    if (secondsSince(lastWrongCodeSweep, now) > 1.0)
        forgetOldWrongCodes(now);
    for (auto& t : tables)
        t->runClock();
    keepInStep();
    sendChangedViews();
    for (auto& c : connections) {
        if (c->catchingUp)
            if (Table* t = tableOf(*c))
                t->continueCatchUp(*c);
        flush(c);
    }
    runNetwork(0.0); // the writes just started go out now
    removeDead();
}

} // namespace samenspel::net
