// The catalogs the host serves to phones (engine/net/web_catalog.hpp).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/json_read.hpp"
#include "net/web_catalog.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

const std::string kI18n = std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n";

fs::path freshDir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() /
        ("samenspel-webcat-" + name + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("the Dutch and English phone catalogs load cleanly, as JSON, with the same keys") {
    const net::WebCatalog nl = net::loadWebCatalog(kI18n, "nl");
    const net::WebCatalog en = net::loadWebCatalog(kI18n, "en");
    REQUIRE_MESSAGE(nl.ok(), (nl.problems.empty() ? "" : nl.problems.front()));
    REQUIRE_MESSAGE(en.ok(), (en.problems.empty() ? "" : en.problems.front()));
    CHECK(nl.problems.empty());
    CHECK(en.problems.empty());
    for (const auto& entry : nl.texts)
        if (!en.texts.count(entry.first))
            FAIL_CHECK("en lacks " << entry.first);
    for (const auto& entry : en.texts)
        if (!nl.texts.count(entry.first))
            FAIL_CHECK("nl lacks " << entry.first);
    CHECK(nl.texts.size() == en.texts.size());

    JsonError error;
    const std::optional<Json> json = parseJson(nl.json(), error);
    REQUIRE_MESSAGE(json, error.message);
    REQUIRE(json->is_object());
    // What the phone page never shows is left out of what every phone loads.
    CHECK(json->size() < nl.texts.size());
    CHECK_FALSE(nl.text("report.subtitle").empty());
    CHECK_FALSE(json->contains("report.subtitle"));
    CHECK_FALSE(json->contains("print.title"));
    CHECK((*json)["ui.language.en"].get<std::string>() == nl.text("ui.language.en"));
    CHECK((*json)["cond.at_most"].get<std::string>() == "{0} ten hoogste {1}");
    CHECK((*json)["table.phase.waarden"].get<std::string>() == "Waarden");
    // The page's texts and the desktop's are one catalog.
    CHECK(json->contains("net.refuse.wrong_code"));
    CHECK(json->contains("refuse.wrong_phase"));
}

TEST_CASE("a broken catalog file is reported with its place, and the other files still load") {
    const fs::path dir = freshDir("broken");
    write(dir / "nl" / "a.yaml", "web.ok: \"Goed\"\nweb.quote: \"met \\\"aanhalingstekens\\\"\"\n");
    write(dir / "nl" / "b.yaml", "web.bad: [unclosed\n");
    write(dir / "nl" / "c.yaml", "web.list: [1, 2]\nweb.fine: \"Ook goed\"\n");
    const net::WebCatalog c = net::loadWebCatalog(dir.string(), "nl");
    CHECK(c.found);
    CHECK_FALSE(c.ok());
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].rfind((dir / "nl" / "b.yaml").string() + ":2:1: error: ", 0) == 0);
    CHECK(c.problems[1] == (dir / "nl" / "c.yaml").string() +
                               ":1:11: error: the text of 'web.list' is not a string");
    CHECK(c.text("web.ok") == "Goed");
    CHECK(c.text("web.fine") == "Ook goed");
    CHECK(c.text("web.list").empty());

    JsonError error;
    const std::optional<Json> json = parseJson(c.json(), error);
    REQUIRE(json);
    CHECK((*json)["web.quote"].get<std::string>() == "met \"aanhalingstekens\"");
    fs::remove_all(dir);
}

TEST_CASE("a language that is not one, or that has no catalog, gives an error and no texts") {
    for (const char* lang : {"../nl", "nl/../en", "", "NL", "n", "nl.json", "toolonglang"}) {
        CAPTURE(lang);
        CHECK_FALSE(net::isCatalogLanguage(lang));
        const net::WebCatalog c = net::loadWebCatalog(kI18n, lang);
        CHECK_FALSE(c.ok());
        CHECK(c.texts.empty());
        REQUIRE(c.problems.size() == 1);
        CHECK(c.problems[0].find("error: ") != std::string::npos);
    }
    const net::WebCatalog fr = net::loadWebCatalog(kI18n, "fr");
    CHECK_FALSE(fr.found);
    CHECK_FALSE(fr.ok());
    CHECK(fr.problems.size() == 1);
    CHECK(fr.texts.empty());
}
