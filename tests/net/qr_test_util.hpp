#pragma once
// Reading QR codes back, as a phone would: a matrix (or what a terminal
// shows) becomes a PNG, and zbarimg (zbar-tools, installed by scripts/test)
// decodes it. Shared by the QR tests of tests/net and tests/cli.
#include <doctest/doctest.h>
#include <stb/stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "net/qr.hpp"

namespace samenspel::qrtest {

inline bool haveZbarimg() {
    return std::system("command -v zbarimg >/dev/null 2>&1") == 0;
}

// The symbol with its quiet zone, `scale` pixels per module, black on white.
inline bool writePng(const net::QrMatrix& qr, const std::string& path, int scale = 6) {
    const int modules = qr.size() + 2 * net::kQrQuietZone;
    const int side = modules * scale;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(side) * side, 255);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            if (qr.dark(x / scale - net::kQrQuietZone, y / scale - net::kQrQuietZone))
                pixels[static_cast<std::size_t>(y) * side + x] = 0;
    return stbi_write_png(path.c_str(), side, side, 1, pixels.data(), side) != 0;
}

// What zbarimg reads from the image (every symbol, one per line, trailing
// newline removed); nothing when it read none.
inline std::optional<std::string> decode(const std::string& imagePath) {
    const std::string command = "zbarimg --raw -q '" + imagePath + "' 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string out;
    char buffer[512];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    const int status = pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    if (status != 0 || out.empty())
        return std::nullopt;
    return out;
}

// The modules of lines printed by net::qrHalfBlocks (ANSI colour escapes
// are skipped), quiet zone included: one vector<bool> per module row.
inline std::vector<std::vector<bool>> halfBlockRows(const std::vector<std::string>& lines) {
    std::vector<std::vector<bool>> rows;
    for (const std::string& line : lines) {
        std::vector<bool> upper, lower;
        for (std::size_t i = 0; i < line.size();) {
            if (line[i] == '\x1b') { // ESC [ ... m
                while (i < line.size() && line[i] != 'm')
                    ++i;
                ++i;
            } else if (line.compare(i, 3, "█") == 0) {
                upper.push_back(true), lower.push_back(true), i += 3;
            } else if (line.compare(i, 3, "▀") == 0) {
                upper.push_back(true), lower.push_back(false), i += 3;
            } else if (line.compare(i, 3, "▄") == 0) {
                upper.push_back(false), lower.push_back(true), i += 3;
            } else {
                upper.push_back(false), lower.push_back(false), i += 1;
            }
        }
        rows.push_back(upper);
        rows.push_back(lower);
    }
    return rows;
}

// The symbol inside half-block rows that start with the standard quiet zone.
inline net::QrMatrix matrixFromRows(const std::vector<std::vector<bool>>& rows) {
    const int zone = net::kQrQuietZone;
    if (rows.empty() || static_cast<int>(rows[0].size()) <= 2 * zone)
        return {};
    const int size = static_cast<int>(rows[0].size()) - 2 * zone;
    if (static_cast<int>(rows.size()) < size + zone)
        return {};
    std::vector<std::uint8_t> modules(static_cast<std::size_t>(size) * size);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const auto& row = rows[static_cast<std::size_t>(y + zone)];
            const std::size_t column = static_cast<std::size_t>(x + zone);
            modules[static_cast<std::size_t>(y) * size + x] = column < row.size() && row[column];
        }
    return net::QrMatrix(size, std::move(modules));
}

} // namespace samenspel::qrtest
