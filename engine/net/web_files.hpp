#pragma once
// What the host answers a browser's HTTP request with: the player page's own
// files from assets/web/ and the catalogs, nothing else (no path outside that
// folder, no listing), with headers that keep the page to its own scripts.
// No networking here: host_http.cpp puts the answer on the wire.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samenspel::net {

struct WebFile {
    int status = 404; // 200, 404 or 405
    std::string contentType = "text/plain; charset=utf-8";
    std::string body;
    bool page = false; // the HTML page: never cached
};

class WebFiles {
  public:
    // `webRoot`: the folder of the page (assets/web). `catalog`: the flat JSON
    // catalog of a language ("nl", "en"), or nothing when there is none.
    using CatalogSource = std::function<std::optional<std::string>(const std::string& lang)>;
    WebFiles(std::string webRoot, CatalogSource catalog);
    WebFiles() = default;

    // GET and HEAD only. `target` is the request target ("/app.js?v=2").
    WebFile serve(const std::string& method, const std::string& target) const;
    // The target without its query and fragment ("/?code=x" gives "/").
    static std::string pathOf(const std::string& target);

  private:
    std::string root_;
    CatalogSource catalog_;
};

// Security headers for a response: a content security policy that allows
// only the page's own scripts, styles and its WebSocket back to `host` (the
// request's Host header), no sniffing, no framing, no referrer, and no
// caching of the page.
std::vector<std::pair<std::string, std::string>> securityHeaders(const WebFile& file,
                                                                 const std::string& host);

} // namespace samenspel::net
