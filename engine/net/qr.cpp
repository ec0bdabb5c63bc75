#include "net/qr.hpp"

#include <qrencode.h>

#include <memory>

namespace samenspel::net {

QrMatrix::QrMatrix(int size, std::vector<std::uint8_t> modules)
    : size_(size), modules_(std::move(modules)) {
    if (size_ <= 0 || modules_.size() != static_cast<std::size_t>(size_) * size_) {
        size_ = 0;
        modules_.clear();
    }
}

bool QrMatrix::dark(int x, int y) const {
    if (x < 0 || y < 0 || x >= size_ || y >= size_)
        return false;
    return modules_[static_cast<std::size_t>(y) * size_ + x] != 0;
}

QrMatrix encodeQr(const std::string& text) {
    if (text.empty())
        return {};
    // encodeData is 8-bit mode throughout, whatever the text looks like:
    // every reader handles it, and a URL gains little from mixed modes.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code || code->width <= 0)
        return {};
    const int size = code->width;
    std::vector<std::uint8_t> modules(static_cast<std::size_t>(size) * size);
    // Bit 0 of each byte is the module's colour; the other bits say what
    // the module is for (finder, timing, data), which nobody here needs.
    for (std::size_t i = 0; i < modules.size(); ++i)
        modules[i] = code->data[i] & 1u;
    return QrMatrix(size, std::move(modules));
}

namespace {

// Letters, digits and "-._~" stay; anything else is %XX. A session code is
// lower-case words and dashes, but --code accepts what a person typed.
std::string percentEncoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

std::string pageAddress(const std::string& address, unsigned short port) {
    // An IPv6 address (from --bind) goes in brackets, or its colons would
    // read as the port's.
    const bool v6 = address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

std::string joinUrl(const std::string& address, unsigned short port, const std::string& code) {
    return pageAddress(address, port) + "/?code=" + percentEncoded(code);
}

std::string qrHalfBlocks(const QrMatrix& qr, bool colour) {
    if (qr.empty())
        return "";
    const int from = -kQrQuietZone, to = qr.size() + kQrQuietZone; // rows and columns
    std::string out;
    for (int y = from; y < to; y += 2) {
        if (colour)
            out += "\x1b[30;107m"; // black on bright white
        for (int x = from; x < to; ++x) {
            const bool upper = qr.dark(x, y);
            const bool lower = y + 1 < to && qr.dark(x, y + 1);
            out += upper && lower ? "█" : upper ? "▀" : lower ? "▄" : " ";
        }
        if (colour)
            out += "\x1b[0m";
        out += '\n';
    }
    return out;
}

} // namespace samenspel::net
