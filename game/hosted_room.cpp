// A hosted room (net::Host with its tables) as the facilitator's dashboard
// reads it: the host's statuses copied into the room's structs, facilitator
// actions forwarded. The shell polls the host through its link (App::link),
// so this source moves nothing itself.
#include "net/host.hpp"
#include "room_source.hpp"

namespace samenspel {

namespace {

RoomSeat roomSeatOf(const net::SeatStatus& s) {
    RoomSeat out;
    out.seat = s.seat;
    out.role = s.role;
    out.name = s.name;
    out.taken = s.taken;
    out.connected = s.connected;
    out.bot = s.bot;
    // One person is the seat itself; only a team lists its members.
    if (s.people.size() > 1)
        for (const net::PersonStatus& p : s.people)
            out.people.push_back({p.id, p.name, p.connected});
    return out;
}

class HostedRoom final : public RoomSource {
  public:
    explicit HostedRoom(std::shared_ptr<TableLink> hostLink)
        : hostLink_(std::move(hostLink)), host_(*hostOf(*hostLink_)) {}

    int tableCount() const override { return host_.tableCount(); }

    RoomTable table(int t) const override {
        const net::TableStatus status = host_.table(t);
        RoomTable out;
        out.table = status.table;
        out.started = status.started;
        out.finished = status.finished;
        out.game = status.game;
        out.clockMs = status.clockMs;
        out.phaseRemainingMs = status.phaseRemainingMs;
        out.logPath = status.logPath;
        for (const net::SeatStatus& s : status.seats)
            out.seats.push_back(roomSeatOf(s));
        return out;
    }

    ApplyResult submitFacilitator(int t, Action action) override {
        action.seat = kFacilitator;
        action.person = -1;
        return host_.submitFacilitator(t, std::move(action));
    }

    std::vector<ApplyResult> submitFacilitatorToAll(const Action& action) override {
        Action a = action;
        a.seat = kFacilitator;
        a.person = -1;
        return host_.submitFacilitatorToAll(a);
    }

    void advance(double) override {}

    std::shared_ptr<TableLink> tableLink(int t) override {
        if (t < 0 || t >= host_.tableCount() || !host_.table(t).game)
            return nullptr;
        return makeHostTableLink(hostLink_, t);
    }

  private:
    std::shared_ptr<TableLink> hostLink_;
    net::Host& host_;
};

} // namespace

std::unique_ptr<RoomSource> makeHostedRoom(std::shared_ptr<TableLink> hostLink) {
    if (!hostLink || !hostOf(*hostLink))
        return nullptr;
    return std::make_unique<HostedRoom>(std::move(hostLink));
}

} // namespace samenspel
