#include "net/web_files.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace samenspel::net {

namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::string>& contentTypes() {
    static const std::map<std::string, std::string> kTypes = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".webmanifest", "application/manifest+json"},
        {".woff2", "font/woff2"},
    };
    return kTypes;
}

bool nameCharacter(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-';
}

// "/screens/board.js": folders and a name of letters, digits, '_' and '-',
// one dot before the extension. Nothing else is a file of the page, so no
// "..", no encoded characters, no hidden files.
bool plainFilePath(const std::string& path) {
    if (path.size() < 2 || path.size() > 200 || path[0] != '/')
        return false;
    std::size_t start = 1;
    while (true) {
        const std::size_t slash = path.find('/', start);
        const std::string part = path.substr(start, slash - start);
        if (part.empty())
            return false;
        const bool last = slash == std::string::npos;
        const std::size_t dot = part.find('.');
        if (!last && dot != std::string::npos)
            return false;
        if (last &&
            (dot == std::string::npos || dot == 0 || part.find('.', dot + 1) != std::string::npos))
            return false;
        for (std::size_t i = 0; i < part.size(); ++i)
            if (i != dot && !nameCharacter(part[i]))
                return false;
        if (last)
            return true;
        start = slash + 1;
    }
}

std::optional<std::string> readWhole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

WebFile notFound() {
    WebFile f;
    f.status = 404;
    f.body = "Not found.\n";
    return f;
}

} // namespace

WebFiles::WebFiles(std::string webRoot, CatalogSource catalog)
    : root_(std::move(webRoot)), catalog_(std::move(catalog)) {}

std::string WebFiles::pathOf(const std::string& target) {
    const std::size_t end = target.find_first_of("?#");
    return end == std::string::npos ? target : target.substr(0, end);
}

WebFile WebFiles::serve(const std::string& method, const std::string& target) const {
    if (method != "GET" && method != "HEAD") {
        WebFile f;
        f.status = 405;
        f.body = "Only GET and HEAD.\n";
        return f;
    }
    std::string path = pathOf(target);
    if (path == "/")
        path = "/index.html";
    // The catalogs of the desktop game, one flat JSON object per language.
    const std::string i18n = "/i18n/";
    if (path.rfind(i18n, 0) == 0 && path.size() > i18n.size() + 5 &&
        path.substr(path.size() - 5) == ".json") {
        const std::string lang = path.substr(i18n.size(), path.size() - i18n.size() - 5);
        const bool plainLang =
            lang.size() >= 2 && lang.size() <= 8 &&
            lang.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
        std::optional<std::string> json = plainLang && catalog_ ? catalog_(lang) : std::nullopt;
        if (!json)
            return notFound();
        WebFile f;
        f.status = 200;
        f.contentType = contentTypes().at(".json");
        f.body = std::move(*json);
        return f;
    }
    if (root_.empty() || !plainFilePath(path))
        return notFound();
    const std::string extension = path.substr(path.rfind('.'));
    const auto type = contentTypes().find(extension);
    if (type == contentTypes().end())
        return notFound();
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(root_, ec);
    const fs::path file = fs::weakly_canonical(fs::path(root_) / path.substr(1), ec);
    // Inside the page's folder even after links are followed.
    const std::string rootText = root.string() + "/";
    if (ec || file.string().rfind(rootText, 0) != 0 || !fs::is_regular_file(file, ec))
        return notFound();
    std::optional<std::string> body = readWhole(file);
    if (!body)
        return notFound();
    WebFile f;
    f.status = 200;
    f.contentType = type->second;
    f.body = std::move(*body);
    f.page = extension == ".html";
    return f;
}

std::vector<std::pair<std::string, std::string>> securityHeaders(const WebFile& file,
                                                                 const std::string& host) {
    // The WebSocket goes back to the address the page came from; 'self'
    // covers ws: only in newer browsers, so it is named.
    const bool plainHost =
        !host.empty() && host.size() < 256 && host.find_first_of(" ;,'\"\r\n") == std::string::npos;
    const std::string socket = plainHost ? " ws://" + host : "";
    return {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "connect-src 'self'" +
             socket +
             "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
             "form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        // The page can carry a session code in its address: never keep it.
        // Scripts and styles are checked again each time (they are small).
        {"Cache-Control", file.page || file.status != 200 ? "no-store" : "no-cache"},
    };
}

} // namespace samenspel::net
