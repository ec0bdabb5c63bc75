#pragma once
// How the room joins a hosted session, as the projector shows it: the QR code
// of the join address, the address to type and the session code. The host
// screen shows them large before the start; the table keeps a small QR code
// in the seats column for late joiners.
#include <string>
#include <vector>

#include <imgui.h>

#include "net/qr.hpp"

namespace samenspel {

class App;

struct JoinCode {
    std::string url;                     // in the QR code: http://ADDRESS:PORT/?code=word-word-word
    std::string page;                    // to type: http://ADDRESS:PORT
    std::string code;                    // the three words
    std::vector<std::string> otherPages; // this machine's further addresses
    net::QrMatrix qr;

    // No address the room can reach (no network): nothing to scan or type.
    bool empty() const { return url.empty(); }
};

// For a host reachable at `addresses` (best first: the QR code holds the first).
JoinCode makeJoinCode(const std::vector<std::string>& addresses, unsigned short port,
                      const std::string& code);

// The QR code at the cursor, black on a white quiet zone, as large as fits in
// `maxSide` pixels with every module a whole number of pixels (a blurred edge
// costs a phone's reader more than a smaller code). Returns the side drawn.
float drawQrCode(const net::QrMatrix& qr, float maxSide);

// `text` in `font` at its own size, or smaller so that it fits `maxWidth`: an
// address or a code must be whole on the projector, never clipped. With
// `minSize`, a text that would shrink below it wraps at that size instead.
void fittedText(ImFont* font, const std::string& text, float maxWidth, const ImVec4& colour,
                float minSize = 0.0f);

// The projector table's corner for late joiners: a small QR code with the
// address and the code beside it, and a button that hides it (`shown` is the
// screen's state); hidden, only a button to show it again. Returns the
// height drawn.
float drawLateJoin(App& app, const JoinCode& join, bool& shown);
// The width (and the code's height) drawLateJoin takes.
ImVec2 lateJoinSize(const App& app, const JoinCode& join, bool shown);

} // namespace samenspel
