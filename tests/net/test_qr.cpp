// The join QR code: the address a phone opens, the symbol libqrencode makes
// of it, the terminal's half blocks, and that a reader gets the exact address
// back from a picture of it.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "net/qr.hpp"
#include "qr_test_util.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

// The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 core.
bool finderAt(const net::QrMatrix& qr, int left, int top) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (qr.dark(left + x, top + y) != (ring || core))
                return false;
        }
    return true;
}

// The light separator around a finder pattern, inside the symbol.
bool separatorAround(const net::QrMatrix& qr, int left, int top) {
    for (int i = -1; i <= 7; ++i)
        for (const auto& [x, y] : {std::pair{left + i, top - 1}, std::pair{left + i, top + 7},
                                   std::pair{left - 1, top + i}, std::pair{left + 7, top + i}})
            if (qr.dark(x, y))
                return false;
    return true;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / "samenspel_test_qr";
    fs::create_directories(dir);
    return dir / name;
}

} // namespace

TEST_CASE("the join address is the page's address with the session code") {
    CHECK(net::pageAddress("192.168.1.20", 7531) == "http://192.168.1.20:7531");
    CHECK(net::joinUrl("192.168.1.20", 7531, "piano-zebra-tango") ==
          "http://192.168.1.20:7531/?code=piano-zebra-tango");
    // Whatever a --code holds, the address stays one address.
    CHECK(net::joinUrl("10.0.0.7", 80, "a b&c") == "http://10.0.0.7:80/?code=a%20b%26c");
    CHECK(net::pageAddress("fe80::1", 7531) == "http://[fe80::1]:7531");
}

TEST_CASE("a join address becomes a version 4 symbol with its three finder patterns") {
    const std::string url = "http://192.168.100.200:65535/?code=piano-zebra-tango";
    const net::QrMatrix qr = net::encodeQr(url);
    REQUIRE(!qr.empty());
    // 52 bytes in 8-bit mode at level M need version 4 (62 bytes; version 3
    // holds 42): 17 + 4 × 4 modules.
    CHECK(qr.size() == 33);
    const int far = qr.size() - 7;
    CHECK(finderAt(qr, 0, 0));
    CHECK(finderAt(qr, far, 0));
    CHECK(finderAt(qr, 0, far));
    CHECK(!finderAt(qr, far, far)); // only three corners
    CHECK(separatorAround(qr, 0, 0));
    CHECK(separatorAround(qr, far, 0));
    CHECK(separatorAround(qr, 0, far));
    // The timing patterns between the finders alternate, starting dark.
    for (int i = 8; i < far; ++i) {
        CHECK(qr.dark(i, 6) == (i % 2 == 0));
        CHECK(qr.dark(6, i) == (i % 2 == 0));
    }
    // The dark module beside the lower-left finder, in every version.
    CHECK(qr.dark(8, qr.size() - 8));
    // The quiet zone and anything beyond is light.
    CHECK(!qr.dark(-1, 0));
    CHECK(!qr.dark(0, qr.size()));
}

TEST_CASE("a short address gets a small symbol, and text too long for any QR code none") {
    CHECK(net::encodeQr("http://10.0.0.7:7531/?code=a-b-c").size() == 29); // 32 bytes: version 3
    CHECK(net::encodeQr(std::string(3000, 'x')).empty()); // version 40-M holds 2331 bytes
    CHECK(net::encodeQr("").empty());
    CHECK(net::qrHalfBlocks(net::QrMatrix(), false).empty());
}

TEST_CASE("the half blocks hold every module and the quiet zone, two rows a line") {
    const net::QrMatrix qr = net::encodeQr("http://10.0.0.7:7531/?code=piano-zebra-tango");
    REQUIRE(!qr.empty());
    for (bool colour : {false, true}) {
        std::istringstream text(net::qrHalfBlocks(qr, colour));
        std::vector<std::string> lines;
        for (std::string line; std::getline(text, line);)
            lines.push_back(line);
        const int modules = qr.size() + 2 * net::kQrQuietZone;
        CHECK(static_cast<int>(lines.size()) == (modules + 1) / 2);
        if (colour) // black on bright white, whatever the terminal's own colours
            CHECK(lines[0].rfind("\x1b[30;107m", 0) == 0);
        const auto rows = qrtest::halfBlockRows(lines);
        for (int y = 0; y < modules; ++y) {
            REQUIRE(static_cast<int>(rows[static_cast<std::size_t>(y)].size()) == modules);
            for (int x = 0; x < modules; ++x)
                CHECK(rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] ==
                      qr.dark(x - net::kQrQuietZone, y - net::kQrQuietZone));
        }
    }
}

TEST_CASE("a picture of the join QR code reads back as the exact join address") {
    if (!qrtest::haveZbarimg()) {
        MESSAGE("zbarimg is missing (Debian: zbar-tools; scripts/test installs it): not decoded");
        return;
    }
    for (const std::string& url : {std::string("http://192.168.1.20:7531/?code=piano-zebra-tango"),
                                   net::joinUrl("10.0.0.7", 65535, "kaas-fiets-molen")}) {
        const net::QrMatrix qr = net::encodeQr(url);
        REQUIRE(!qr.empty());
        const std::string png = scratch("join.png").string();
        REQUIRE(qrtest::writePng(qr, png));
        const auto read = qrtest::decode(png);
        REQUIRE_MESSAGE(read.has_value(), "zbarimg read nothing from " << png);
        CHECK(*read == url);
        // And from the terminal's half blocks, back to modules, to a picture.
        std::istringstream text(net::qrHalfBlocks(qr, true));
        std::vector<std::string> lines;
        for (std::string line; std::getline(text, line);)
            lines.push_back(line);
        const std::string fromText = scratch("join_text.png").string();
        REQUIRE(qrtest::writePng(qrtest::matrixFromRows(qrtest::halfBlockRows(lines)), fromText));
        CHECK(qrtest::decode(fromText) == url);
    }
}
