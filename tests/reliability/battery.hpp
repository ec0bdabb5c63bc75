#pragma once
// The stage of the hostile network battery (hostile_network.cpp): a host on
// loopback with a real session, five honest bot clients, a seated cheat in
// the sixth seat, the strangers' connections, the invariants checked on
// every frame, and the tally of answers. The kinds of attack use the tools
// below; battery.cpp has the stage itself.
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "../net/net_test_util.hpp"
#include "hostile_connection.hpp"

namespace reliability {

inline constexpr const char* kCode = "piano-zebra-tango";
inline constexpr const char* kCheatRole = "omwonenden";
// Short timeouts keep the battery short; the defaults are a few seconds too.
inline constexpr double kHandshakeSeconds = 2.0;
inline constexpr double kStalledFrameSeconds = 2.0;
// Bounds that only stop a wait (never a verdict on speed): far above what
// the host needs on a busy machine.
inline constexpr double kAnswerBound = 5.0;
inline constexpr double kCloseBound = 12.0;

class Battery {
  public:
    explicit Battery(std::uint64_t seed);
    ~Battery();
    Battery(const Battery&) = delete;
    Battery& operator=(const Battery&) = delete;

    // [The stage] battery.cpp
    // Five honest bot clients, then the cheat in the sixth seat, which
    // starts the session; the facilitator keeps phases from ending when
    // everyone is done, so the session stays at its first phase meanwhile.
    void seatEveryone();
    // Counts the waves left to settle, hands the cheat's seat to an honest
    // bot (with its token), lets the bots play to the debrief, and checks
    // what is left: connections, queued bytes, the log.
    void playToTheEnd();
    void printSummary(std::uint64_t seed) const;
    const std::vector<std::string>& problems() const { return problems_; }
    int problemCount() const { return problemCount_; }

    // [Tools for the kinds of attack]
    struct StrangerOptions {
        std::string source;           // empty: a fresh address for each
        int inputsPerConnection = 1;  // a flood's frames on one connection
        std::size_t trickleBytes = 0; // 0: everything at once
        double trickleSeconds = 0;    // between two trickles
        bool oneAtATime = false;      // the next only after the host closed this one
        bool settleLater = false;     // waits for a timeout: counted at the end
    };
    // Each input on a connection of its own, from no seat. Once the host has
    // closed every one of them (a connection that never completes a hello
    // must not stay), each first answer is counted: at once, or for a wave
    // that waits for a timeout at the end, so that such timeouts run together.
    void strangers(const std::string& kind, const std::vector<std::string>& inputs,
                   const StrangerOptions& options);
    void strangers(const std::string& kind, const std::vector<std::string>& inputs) {
        strangers(kind, inputs, StrangerOptions{});
    }
    // One or more messages from the cheat's seat, and the host's answer to
    // each in order: a refusal (the connection stays), the action echoed
    // (accepted), a farewell (the rest are ignored; the cheat rejoins with
    // its token).
    std::vector<Reply> cheatSends(const std::string& bytes, int messages, bool trickle = false);
    void cheatTallies(const std::string& kind, const std::string& bytes, int messages = 1,
                      bool trickle = false);
    // The cheat (re)joins with `hello` and waits for its welcome.
    void seatCheat(const std::string& hello);
    Hostile& open(Hostile::Kind kind, const std::string& source, int receiveBuffer = 0);
    void forget(const std::vector<Hostile*>& done);
    // One turn: the host, the honest players, every hostile connection.
    void turn();
    bool turnUntil(const std::function<bool()>& done, double seconds);
    Tally& tally(const std::string& kind);
    void problem(const std::string& what);

    std::mt19937_64& random() { return rng_; }
    const Scenario& scenario() const { return *sc_; }
    net::Host& host() { return *host_; }
    const std::filesystem::path& dir() const { return dir_; }
    Hostile& cheat() { return *cheat_; }
    int cheatSeat() const { return cheatSeat_; }
    const std::string& cheatToken() const { return cheatToken_; }
    const std::vector<int>& honestSeats() const { return honestSeats_; }
    const std::vector<std::string>& honestTokens() const { return honestTokens_; }

  private:
    struct Wave {
        std::string kind;
        StrangerOptions options;
        std::vector<Hostile*> connections;
    };

    std::string freshAddress();
    void settle(const Wave& wave);
    void checkFrame(Hostile& h, const std::string& body);
    void checkHonestFrame(const std::string& body);
    void checkNoLeak(const Parsed& p, const std::string& body);
    void handOverCheatSeat();
    void checkAfterSession();

    std::mt19937_64 rng_;
    std::shared_ptr<const Scenario> sc_ = nettest::loadShipped("skatebaan");
    std::filesystem::path dir_ = nettest::tempDir("reliability");
    std::unique_ptr<net::Host> host_;
    nettest::BotClients honest_;
    std::vector<int> honestSeats_;
    std::vector<std::string> honestTokens_;
    std::vector<std::unique_ptr<Hostile>> hostiles_;
    std::vector<Wave> waiting_; // waves that wait for the host's timeouts
    Hostile* cheat_ = nullptr;
    int cheatSeat_ = -1;
    int cheatRole_ = -1;
    std::string cheatToken_;
    int addressCounter_ = 0;
    std::vector<std::string> kinds_; // in the order of the table
    std::map<std::string, Tally> tallies_;
    std::vector<std::string> problems_; // the first few, in words
    int problemCount_ = 0;
    std::vector<std::string> notices_; // the host's console
    int framesToHonest_ = 0;
    int framesToCheat_ = 0;
    int sessionsFinished_ = 0;
    std::size_t residentAtStart_ = 0;
    std::size_t residentAtEnd_ = 0;
    std::size_t mostPendingBytes_ = 0;
    int openAfterBattery_ = -1;
};

} // namespace reliability
