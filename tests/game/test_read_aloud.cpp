// Read-aloud (game/read_aloud.hpp) as a listener would notice it: the game's
// own speech code writes a WAV with espeak-ng (-w), Dutch and English, that
// is not silence and lasts in proportion to its text; and without espeak-ng
// it says so instead of crashing.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "read_aloud.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

struct Sound {
    bool ok = false;
    double seconds = 0;
    double rms = 0; // of the samples, 0..1
};

std::uint32_t le32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t le16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      static_cast<unsigned char>(b[at + 1]) << 8);
}

// A 16-bit PCM WAV file: its length and loudness. espeak-ng may leave the
// data chunk's size open (streaming), so the samples are what follows it.
Sound readWav(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string b(std::istreambuf_iterator<char>(in), {});
    Sound sound;
    if (b.size() < 44 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0)
        return sound;
    std::uint32_t rate = 0;
    std::uint16_t channels = 0, bits = 0;
    std::size_t at = 12;
    while (at + 8 <= b.size()) {
        const std::string id = b.substr(at, 4);
        const std::uint32_t size = le32(b, at + 4);
        if (id == "fmt ") {
            channels = le16(b, at + 10);
            rate = le32(b, at + 12);
            bits = le16(b, at + 22);
        } else if (id == "data") {
            if (bits != 16 || channels == 0 || rate == 0)
                return sound;
            const std::size_t begin = at + 8;
            const std::size_t samples = (b.size() - begin) / 2;
            double sum = 0;
            for (std::size_t i = 0; i < samples; ++i) {
                const double v = static_cast<std::int16_t>(le16(b, begin + 2 * i)) / 32768.0;
                sum += v * v;
            }
            sound.ok = samples > 0;
            sound.seconds = static_cast<double>(samples) / channels / rate;
            sound.rms = samples ? std::sqrt(sum / static_cast<double>(samples)) : 0.0;
            return sound;
        }
        at += 8 + size + (size & 1);
    }
    return sound;
}

fs::path folder() {
    const fs::path dir =
        fs::temp_directory_path() / ("samenspel_read_aloud_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

// Writes `text` and `text` twice (a text twice as long) and compares them.
void checkSpeech(const std::string& lang, const std::string& text) {
    ReadAloud voice;
    REQUIRE_MESSAGE(voice.available(), "espeak-ng is not installed (scripts/setup.sh installs it)");
    const fs::path once = folder() / (lang + "-once.wav");
    const fs::path twice = folder() / (lang + "-twice.wav");
    std::string error;
    REQUIRE_MESSAGE(voice.writeWav(text, lang, once.string(), error), error);
    REQUIRE_MESSAGE(voice.writeWav(text + " " + text, lang, twice.string(), error), error);
    const Sound a = readWav(once);
    const Sound b = readWav(twice);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    INFO(lang << ": " << a.seconds << " s at RMS " << a.rms << ", twice " << b.seconds << " s");
    // Speech, not silence: quiet room noise would be below 0.01.
    CHECK(a.rms > 0.02);
    CHECK(b.rms > 0.02);
    // A sentence of this length takes seconds, not a blip.
    CHECK(a.seconds > 2.0);
    const double ratio = b.seconds / a.seconds;
    CHECK(ratio >= 1.5);
    CHECK(ratio <= 2.5);
}

} // namespace

TEST_CASE("read-aloud speaks Dutch: a WAV with sound, twice as long for twice the text") {
    checkSpeech("nl", "De gemeente wil de skatebaan verplaatsen. De skaters willen een plek "
                      "dicht bij huis, en de buren willen rust in de avond.");
}

TEST_CASE("read-aloud speaks English: a WAV with sound, twice as long for twice the text") {
    checkSpeech("en", "The council wants to move the skate park. The skaters want a place close "
                      "to home, and the neighbours want quiet evenings.");
}

TEST_CASE("without espeak-ng read-aloud says what to install, and nothing crashes") {
    ReadAloud voice("/nonexistent/espeak-ng");
    CHECK_FALSE(voice.available());
    std::string error;
    CHECK_FALSE(voice.say("Hallo", "nl", error));
    CHECK(error.find("apt-get install espeak-ng") != std::string::npos);
    CHECK_FALSE(voice.speaking());
    error.clear();
    const fs::path wav = folder() / "none.wav";
    CHECK_FALSE(voice.writeWav("Hallo", "nl", wav.string(), error));
    CHECK(error.find("was not found") != std::string::npos);
    CHECK_FALSE(fs::exists(wav));
    voice.stop(); // stopping nothing is fine
}

// A stand-in speaker that notes its process id and then "speaks" for a
// minute, so the test can see which speech is still going.
namespace {

fs::path slowSpeaker(const fs::path& dir) {
    const fs::path script = dir / "slow-speaker";
    std::ofstream(script) << "#!/bin/sh\necho $$ >> '" << (dir / "pids").string()
                          << "'\nexec sleep 60\n";
    fs::permissions(script, fs::perms::owner_all);
    return script;
}

std::vector<int> pidsIn(const fs::path& file, std::size_t atLeast) {
    std::vector<int> pids;
    // The stand-in writes its id once it runs: wait for it (at most 10 s).
    for (int tries = 0; tries < 1000 && pids.size() < atLeast; ++tries) {
        pids.clear();
        std::ifstream in(file);
        for (int pid = 0; in >> pid;)
            pids.push_back(pid);
        if (pids.size() < atLeast)
            ::usleep(10000);
    }
    return pids;
}

// The process ended (or is a zombie: ended, not collected yet), within 10 s:
// SIGTERM may take a moment to land.
bool ended(int pid) {
    for (int tries = 0; tries < 1000; ++tries) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        if (!std::getline(stat, line))
            return true;
        const std::size_t close = line.rfind(')');
        if (close == std::string::npos || close + 2 >= line.size())
            return true;
        const char state = line[close + 2];
        if (state == 'Z' || state == 'X')
            return true;
        ::usleep(10000);
    }
    return false;
}

} // namespace

TEST_CASE("a new text stops the one being spoken, and stop() stops the last") {
    const fs::path dir = folder() / "stop";
    fs::remove_all(dir);
    fs::create_directories(dir);
    ReadAloud voice(slowSpeaker(dir).string());
    REQUIRE(voice.available());
    std::string error;
    REQUIRE_MESSAGE(voice.say("Een lange tekst om voor te lezen.", "nl", error), error);
    const std::vector<int> first = pidsIn(dir / "pids", 1);
    REQUIRE(first.size() == 1);
    CHECK(voice.speaking());
    REQUIRE_MESSAGE(voice.say("Een nieuwe tekst.", "nl", error), error);
    const std::vector<int> both = pidsIn(dir / "pids", 2);
    REQUIRE(both.size() == 2);
    CHECK(ended(both[0]));
    CHECK(voice.speaking());
    voice.stop();
    CHECK(ended(both[1]));
    CHECK_FALSE(voice.speaking());
}

TEST_CASE("a text that starts with a dash is read, not taken for an option") {
    const std::vector<std::string> args = ReadAloud::arguments("-w /etc/passwd", "en", "out.wav");
    REQUIRE(args.size() >= 3);
    CHECK(args[args.size() - 2] == "--");
    CHECK(args.back() == "-w /etc/passwd");
    CHECK(ReadAloud::arguments("x", "nl")[1] == "nl");
    CHECK(ReadAloud::arguments("x", "en")[1] == "en");
}
