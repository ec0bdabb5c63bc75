#pragma once
// Read-aloud (issue #15): the role card, an announced event and the decision
// spoken by espeak-ng (Debian's `espeak-ng`), in Dutch or English. Speech runs
// in a process of its own, so a frame never waits for it; a new text stops
// the one still being spoken, and so does stop(). The game offers it when the
// setting "Voorlezen" / "Read aloud" is on (off by default).
//
// Without espeak-ng nothing is spoken: say() answers false and the screens
// show why (the catalog's `read_aloud.missing`), never a crash.
#include <string>
#include <sys/types.h>
#include <vector>

namespace samenspel {

class ReadAloud {
  public:
    // `program`: the speech program to run; empty = `espeak-ng` on PATH.
    explicit ReadAloud(std::string program = "");
    ~ReadAloud(); // stops what is being spoken
    ReadAloud(const ReadAloud&) = delete;
    ReadAloud& operator=(const ReadAloud&) = delete;

    // The program was found (and is executable).
    bool available() const { return !path_.empty(); }
    // Starts speaking `text` in `lang` ("nl"; anything else is English) and
    // returns at once; whatever was still being spoken stops. False with
    // `error` (in English) when the program is missing or cannot be started.
    bool say(const std::string& text, const std::string& lang, std::string& error);
    void stop();
    // Something is being spoken now.
    bool speaking();

    // Writes the speech of `text` to a WAV file at `path` instead of playing
    // it, with the same voice and speed as say(), and waits until it is
    // written. False with `error` when it could not be made.
    bool writeWav(const std::string& text, const std::string& lang, const std::string& path,
                  std::string& error);

    // The program's arguments (without its name): the voice, the speed, and
    // `wavPath` when not empty, then the text.
    static std::vector<std::string> arguments(const std::string& text, const std::string& lang,
                                              const std::string& wavPath = "");

  private:
    pid_t spawn(const std::vector<std::string>& args, std::string& error) const;
    void reap(); // collects stopped processes without waiting
    std::string program_;
    std::string path_; // the program found, "" when none
    pid_t speaking_ = -1;
    std::vector<pid_t> stopping_;
};

} // namespace samenspel
