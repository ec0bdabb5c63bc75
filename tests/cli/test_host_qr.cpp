// `samenspel host --headless` prints the join address and its QR code in half
// blocks; a phone pointed at the terminal must read the exact address.
// `--no-qr` leaves the code out.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "../net/qr_test_util.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

// Runs a headless host that nobody joins for a second; its output.
std::string hostOutput(const fs::path& dir, const std::string& extra) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string out = (dir / "out.txt").string();
    const std::string command = "'" + std::string(SAMENSPEL_BINARY) + "' host '" +
                                std::string(SAMENSPEL_SOURCE_DIR) +
                                "/scenarios/skatebaan.yaml' --headless --mute --bind 127.0.0.1 "
                                "--port 0 --code Piano-Zebra-Tango --max-seconds 1 --log '" +
                                (dir / "s.log").string() + "' " + extra + " >'" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3); // --max-seconds ran out: nobody came
    std::ifstream in(out);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

bool onlyBlocks(const std::string& line) {
    if (line.empty())
        return false;
    for (std::size_t i = 0; i < line.size();) {
        if (line[i] == ' ')
            i += 1;
        else if (line.compare(i, 3, "█") == 0 || line.compare(i, 3, "▀") == 0 ||
                 line.compare(i, 3, "▄") == 0)
            i += 3;
        else
            return false;
    }
    return true;
}

// The first run of lines made of half blocks and spaces only.
std::vector<std::string> qrLines(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (onlyBlocks(line))
            lines.push_back(line);
        else if (!lines.empty())
            break;
    }
    return lines;
}

} // namespace

TEST_CASE("a headless host prints the join address and a QR code that reads back as it") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_host_qr";
    const std::string text = hostOutput(dir, "");
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(text, m, std::regex(R"(port: (\d+))")), text);
    const std::string url = "http://127.0.0.1:" + m[1].str() + "/?code=piano-zebra-tango";
    CHECK_MESSAGE(text.find("  phone: " + url + "\n") != std::string::npos, text);
    CHECK(text.find("open http://127.0.0.1:" + m[1].str() + " in a browser") != std::string::npos);

    // Not a terminal here: the glyphs alone, no colour escapes.
    CHECK(text.find('\x1b') == std::string::npos);
    const std::vector<std::string> lines = qrLines(text);
    REQUIRE_MESSAGE(!lines.empty(), text);
    const net::QrMatrix printed = qrtest::matrixFromRows(qrtest::halfBlockRows(lines));
    const net::QrMatrix expected = net::encodeQr(url);
    REQUIRE(!printed.empty());
    REQUIRE(printed.size() == expected.size());
    // The quiet zone is printed: two light lines above (four module rows).
    CHECK(lines[0].find_first_not_of(' ') == std::string::npos);
    CHECK(lines[1].find_first_not_of(' ') == std::string::npos);
    int differ = 0;
    for (int y = 0; y < expected.size(); ++y)
        for (int x = 0; x < expected.size(); ++x)
            differ += printed.dark(x, y) != expected.dark(x, y) ? 1 : 0;
    CHECK(differ == 0);

    if (!qrtest::haveZbarimg()) {
        MESSAGE("zbarimg is missing (Debian: zbar-tools; scripts/test installs it): not decoded");
        return;
    }
    const std::string png = (dir / "terminal.png").string();
    REQUIRE(qrtest::writePng(printed, png, 4));
    CHECK(qrtest::decode(png) == url);
}

TEST_CASE("a headless host with --no-qr prints the join address without the code") {
    const std::string text =
        hostOutput(fs::temp_directory_path() / "samenspel_host_no_qr", "--no-qr");
    CHECK_MESSAGE(text.find("  phone: http://127.0.0.1:") != std::string::npos, text);
    CHECK(qrLines(text).empty());
    CHECK(text.find("Scan the code") == std::string::npos);
}
