#include "ui/imgui_sfml.hpp"

#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <SFML/Window/Mouse.hpp>
#include <imgui.h>

namespace samenspel::ui {

namespace {

// ImGui's keys are indices into io.KeysDown[]; we use sf::Keyboard::Key
// values, which are all below 512.
void mapKeys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::BackSpace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Return;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    // SFML 2.5 has no separate keypad Enter; map it to Return as well.
    io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Return;
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

const char* getClipboard(void* userData) {
    auto* keep = static_cast<std::string*>(userData);
    const auto utf8 = sf::Clipboard::getString().toUtf8();
    keep->assign(utf8.begin(), utf8.end());
    return keep->c_str();
}

void setClipboard(void*, const char* text) {
    sf::Clipboard::setString(
        sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

int mouseIndex(sf::Mouse::Button button) {
    switch (button) {
    case sf::Mouse::Left:
        return 0;
    case sf::Mouse::Right:
        return 1;
    case sf::Mouse::Middle:
        return 2;
    default:
        return -1;
    }
}

void setModifiers(ImGuiIO& io, const sf::Event::KeyEvent& key) {
    io.KeyCtrl = key.control;
    io.KeyShift = key.shift;
    io.KeyAlt = key.alt;
    io.KeySuper = key.system;
}

} // namespace

ImGuiSfml::~ImGuiSfml() {
    shutdown();
}

bool ImGuiSfml::init(sf::RenderWindow& window) {
    window_ = &window;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Keyboard navigation alone must not swallow every key: the game still
    // gets keys (Escape = back) unless a text field or widget wants them.
    io.ConfigFlags |= ImGuiConfigFlags_NavNoCaptureKeyboard;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.BackendPlatformName = "samenspel_sfml";
    io.IniFilename = nullptr; // window layout is ours, not remembered
    mapKeys(io);
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
    io.ClipboardUserData = &clipboard_;

    const struct {
        int imgui;
        sf::Cursor::Type sfml;
    } cursorTypes[] = {
        {ImGuiMouseCursor_Arrow, sf::Cursor::Arrow},
        {ImGuiMouseCursor_TextInput, sf::Cursor::Text},
        {ImGuiMouseCursor_ResizeAll, sf::Cursor::SizeAll},
        {ImGuiMouseCursor_ResizeNS, sf::Cursor::SizeVertical},
        {ImGuiMouseCursor_ResizeEW, sf::Cursor::SizeHorizontal},
        {ImGuiMouseCursor_ResizeNESW, sf::Cursor::SizeBottomLeftTopRight},
        {ImGuiMouseCursor_ResizeNWSE, sf::Cursor::SizeTopLeftBottomRight},
        {ImGuiMouseCursor_Hand, sf::Cursor::Hand},
        {ImGuiMouseCursor_NotAllowed, sf::Cursor::NotAllowed},
    };
    for (const auto& c : cursorTypes) {
        auto cursor = std::make_unique<sf::Cursor>();
        if (cursor->loadFromSystem(c.sfml))
            cursors_[static_cast<std::size_t>(c.imgui)] = std::move(cursor);
    }
    io.BackendRendererName = "samenspel_gl2";
    initialized_ = true;
    return initialized_;
}

void ImGuiSfml::shutdown() {
    if (!initialized_)
        return;
    renderer_.destroyFontTexture();
    ImGui::DestroyContext();
    initialized_ = false;
}

bool ImGuiSfml::processEvent(const sf::Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::MouseMoved:
        io.MousePos =
            ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        return io.WantCaptureMouse;
    case sf::Event::MouseButtonPressed: {
        const int i = mouseIndex(event.mouseButton.button);
        if (i >= 0)
            mousePressed_[i] = mouseHeld_[i] = true;
        io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x),
                             static_cast<float>(event.mouseButton.y));
        return io.WantCaptureMouse;
    }
    case sf::Event::MouseButtonReleased: {
        const int i = mouseIndex(event.mouseButton.button);
        // A press and release within one frame still counts as a click:
        // mousePressed_ keeps it down until newFrame() has passed it on.
        if (i >= 0)
            mouseHeld_[i] = false;
        return io.WantCaptureMouse;
    }
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
            io.MouseWheel += event.mouseWheelScroll.delta;
        else
            io.MouseWheelH += event.mouseWheelScroll.delta;
        return io.WantCaptureMouse;
    case sf::Event::MouseLeft:
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        return false;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
        const bool down = event.type == sf::Event::KeyPressed;
        const int code = event.key.code;
        if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)))
            io.KeysDown[code] = down;
        setModifiers(io, event.key);
        return io.WantCaptureKeyboard;
    }
    case sf::Event::TextEntered:
        // Control characters (backspace, tab, enter...) come as keys instead.
        if (event.text.unicode >= 0x20 && event.text.unicode != 0x7F)
            io.AddInputCharacter(event.text.unicode);
        return io.WantTextInput;
    case sf::Event::LostFocus:
        windowFocused_ = false;
        io.AddFocusEvent(false);
        mouseHeld_[0] = mouseHeld_[1] = mouseHeld_[2] = false;
        // Keys held while focus left would otherwise stay down forever.
        for (bool& k : io.KeysDown)
            k = false;
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        return false;
    case sf::Event::GainedFocus:
        windowFocused_ = true;
        io.AddFocusEvent(true);
        return false;
    default:
        return false;
    }
}

void ImGuiSfml::newFrame(float dtSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    const sf::Vector2u size = window_->getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    // SFML 2.5 windows have no HiDPI scaling: framebuffer == window pixels.
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = dtSeconds > 0.0f ? dtSeconds : 1.0f / 60.0f;

    for (int i = 0; i < 3; ++i) {
        io.MouseDown[i] = mousePressed_[i] || mouseHeld_[i];
        mousePressed_[i] = false;
    }
    if (windowFocused_) {
        const sf::Vector2i pos = sf::Mouse::getPosition(*window_);
        if (pos.x >= 0 && pos.y >= 0 && pos.x < static_cast<int>(size.x) &&
            pos.y < static_cast<int>(size.y))
            io.MousePos = ImVec2(static_cast<float>(pos.x), static_cast<float>(pos.y));
    }
    updateMouseCursor();
    if (!renderer_.hasFontTexture())
        renderer_.createFontTexture();
    ImGui::NewFrame();
}

void ImGuiSfml::updateMouseCursor() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange)
        return;
    const int wanted = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (wanted == lastCursor_)
        return;
    lastCursor_ = wanted;
    if (wanted == ImGuiMouseCursor_None) {
        window_->setMouseCursorVisible(false);
        return;
    }
    window_->setMouseCursorVisible(true);
    const auto& cursor = cursors_[static_cast<std::size_t>(wanted)];
    const auto& fallback = cursors_[ImGuiMouseCursor_Arrow];
    if (cursor)
        window_->setMouseCursor(*cursor);
    else if (fallback)
        window_->setMouseCursor(*fallback);
}

void ImGuiSfml::render() {
    ImGui::Render();
    renderer_.render(ImGui::GetDrawData());
}

void ImGuiSfml::rebuildFontTexture() {
    renderer_.createFontTexture();
}

} // namespace samenspel::ui
