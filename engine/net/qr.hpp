#pragma once
// Joining by QR code: the phone page's address for a hosted session, that
// address as a QR matrix (libqrencode), and the matrix as text for a
// terminal. No window code: the host screen draws the matrix with ImGui, the
// headless host prints the text, and tests read both back.
#include <cstdint>
#include <string>
#include <vector>

namespace samenspel::net {

// Light modules the QR standard asks for around the symbol, on every side.
inline constexpr int kQrQuietZone = 4;

// A QR symbol as modules, without its quiet zone.
class QrMatrix {
  public:
    QrMatrix() = default;
    QrMatrix(int size, std::vector<std::uint8_t> modules);

    bool empty() const { return size_ == 0; }
    // Modules per side: 21 for version 1, 4 more per version.
    int size() const { return size_; }
    // Whether the module at column x, row y is dark; the quiet zone and
    // anything else outside the symbol is light.
    bool dark(int x, int y) const;

  private:
    int size_ = 0;
    std::vector<std::uint8_t> modules_; // row by row, 1 = dark
};

// The symbol for `text` in 8-bit mode with error correction M (15% of the
// code may be covered or smudged), the smallest version that holds it.
// Empty when the text does not fit in a QR code.
QrMatrix encodeQr(const std::string& text);

// What a person types in a browser: "http://ADDRESS:PORT".
std::string pageAddress(const std::string& address, unsigned short port);
// What the QR code holds: "http://ADDRESS:PORT/?code=word-word-word"; the page
// fills in the code from it (docs/web_client.md).
std::string joinUrl(const std::string& address, unsigned short port, const std::string& code);

// The matrix with its quiet zone as lines of text, two module rows per line:
// '█' both dark, '▀' the upper, '▄' the lower, ' ' neither. Phones read dark
// on light, so with `colour` every line is set black on bright white with
// ANSI escapes (a terminal's own colours may be light on dark); without, the
// glyphs alone, for a file or a pipe.
std::string qrHalfBlocks(const QrMatrix& qr, bool colour);

} // namespace samenspel::net
