// The host's sockets: accepting, reading frames, sending, timeouts.
#include "net/host_internal.hpp"

#include <algorithm>

#include "core/json.hpp"

namespace samenspel::net {

// [Sending] -------------------------------------------------------------------

void Host::Impl::queue(Connection& c, const std::string& framed) {
    if (c.dead)
        return;
    c.out += framed;
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

void Host::Impl::flush(Connection& c) {
    while (!c.dead && c.pending() > 0) {
        std::size_t sent = 0;
        const std::size_t chunk = std::min<std::size_t>(c.pending(), 256 * 1024);
        sf::Socket::Status status = c.socket->send(c.out.data() + c.outPos, chunk, sent);
        c.outPos += sent;
        stats.bytesSent += sent;
        if (status == sf::Socket::Done)
            continue;
        if (status == sf::Socket::Partial || status == sf::Socket::NotReady)
            break;
        c.dead = true; // Disconnected / Error: the other side is gone
    }
    if (c.outPos == c.out.size()) {
        c.out.clear();
        c.outPos = 0;
    } else if (c.outPos > (1u << 20)) {
        c.out.erase(0, c.outPos);
        c.outPos = 0;
    }
}

// [The loop] ------------------------------------------------------------------

int Host::Impl::connectionsFrom(const std::string& address) const {
    int n = 0;
    for (const auto& c : connections)
        n += !c->dead && c->address == address ? 1 : 0;
    return n;
}

void Host::Impl::acceptAll() {
    while (true) {
        auto socket = std::make_unique<HostSocket>();
        if (listener.accept(*socket) != sf::Socket::Done)
            return;
        socket->setBlocking(false);
        if (config.socketSendBuffer > 0)
            socket->setSendBuffer(config.socketSendBuffer);
        const std::string address = socket->getRemoteAddress().toString();
        if (static_cast<int>(connections.size()) >= config.maxConnections ||
            connectionsFrom(address) >= config.maxConnectionsPerAddress) {
            socket->disconnect();
            ++stats.connectionsRefusedAtOnce;
            continue;
        }
        auto c = std::make_unique<Connection>();
        c->id = nextConnectionId++;
        c->address = address;
        c->openedAt = Clock::now();
        c->socket = std::move(socket);
        selector.add(*c->socket);
        ++stats.connectionsAccepted;
        connections.push_back(std::move(c));
    }
}

void Host::Impl::readFrom(Connection& c, Clock::time_point now) {
    char buffer[16384];
    std::size_t total = 0;
    while (!c.dead && !c.closing && total < 256 * 1024) {
        std::size_t received = 0;
        sf::Socket::Status status = c.socket->receive(buffer, sizeof buffer, received);
        if (status == sf::Socket::NotReady)
            break;
        if (status != sf::Socket::Done && status != sf::Socket::Partial) {
            c.dead = true; // closed by the other side
            return;
        }
        const bool wasMid = c.reader.midFrame();
        c.reader.feed(buffer, received);
        total += received;
        if (!wasMid)
            c.frameStartedAt = now;
        while (!c.dead && !c.closing) {
            std::optional<std::string> body = c.reader.next();
            if (!body)
                break;
            handleMessage(c, *body);
            c.frameStartedAt = now;
        }
        if (c.reader.oversized()) {
            closeWith(c, c.helloDone ? "bye" : "refuse", reason::kFrameTooLarge,
                      "A frame of " + std::to_string(c.reader.announcedSize()) +
                          " bytes is larger than the limit of " + std::to_string(kMaxClientFrame) +
                          " bytes.");
            return;
        }
    }
}

void Host::Impl::checkTimeouts(Connection& c, Clock::time_point now) {
    if (c.dead)
        return;
    if (c.closing) {
        if (c.pending() == 0 || secondsSince(c.closingSince, now) > 2.0)
            c.dead = true;
        return;
    }
    if (!c.helloDone && secondsSince(c.openedAt, now) > config.handshakeTimeoutSeconds)
        closeWith(c, "refuse", reason::kHandshakeTimeout);
    else if (c.reader.midFrame() &&
             secondsSince(c.frameStartedAt, now) > config.stalledFrameSeconds)
        closeWith(c, "bye", reason::kStalledFrame);
}

void Host::Impl::removeDead() {
    bool presenceChanged = false;
    for (auto& c : connections) {
        if (!c->dead)
            continue;
        selector.remove(*c->socket);
        c->socket->disconnect();
        if (c->seat >= 0 && seats[static_cast<std::size_t>(c->seat)].connection == c->id) {
            seats[static_cast<std::size_t>(c->seat)].connection = 0;
            presenceChanged = true;
            notice("seat " + std::to_string(c->seat) + " (" + seatLabel(c->seat) + ") is away");
        }
    }
    std::erase_if(connections, [](const auto& c) { return c->dead; });
    if (presenceChanged)
        broadcastPresence();
}

void Host::Impl::poll(double maxWaitSeconds) {
    phaseAtPollStart = session ? session->state().phase : -1;
    bool pendingOut = false;
    for (auto& c : connections)
        pendingOut = pendingOut || c->pending() > 0;
    const double wait = pendingOut ? std::min(maxWaitSeconds, 0.002) : maxWaitSeconds;
    if (selector.wait(waitTime(wait))) {
        if (selector.isReady(listener))
            acceptAll();
        const auto now = Clock::now();
        for (std::size_t i = 0; i < connections.size(); ++i) {
            Connection& c = *connections[i];
            if (!c.dead && selector.isReady(*c.socket))
                readFrom(c, now);
        }
    }
    const auto now = Clock::now();
    for (auto& c : connections)
        checkTimeouts(*c, now);
    if (secondsSince(lastWrongCodeSweep, now) > 1.0)
        forgetOldWrongCodes(now);
    runClock();
    for (auto& c : connections)
        flush(*c);
    removeDead();
}

} // namespace samenspel::net
