// Every reason the rules can give for refusing an action reads as a sentence
// in both languages: a refusal shown as a bare key would leave a player lost.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <string>

#include "core/game.hpp"

using namespace samenspel;

TEST_CASE("both catalogs translate every refusal key") {
    for (const char* lang : {"nl", "en"}) {
        CAPTURE(lang);
        const std::string path =
            std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n/" + lang + "/refusals.yaml";
        YAML::Node catalog = YAML::LoadFile(path);
        for (const std::string& key : allRefusalKeys()) {
            CAPTURE(key);
            REQUIRE(catalog[key]);
            CHECK_FALSE(catalog[key].as<std::string>().empty());
        }
    }
}
