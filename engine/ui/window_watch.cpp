#include "ui/window_watch.hpp"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace samenspel::ui {

namespace {

Display* asDisplay(void* d) {
    return static_cast<Display*>(d);
}

} // namespace

WindowWatch::~WindowWatch() {
    detach();
}

void WindowWatch::detach() {
    if (display_)
        XCloseDisplay(asDisplay(display_));
    display_ = nullptr;
    window_ = 0;
    mapped_ = true;
    obscured_ = markedHidden_ = false;
}

void WindowWatch::attach(unsigned long windowHandle) {
    detach();
    if (windowHandle == 0)
        return;
    Display* display = XOpenDisplay(nullptr);
    if (!display)
        return;
    display_ = display;
    window_ = windowHandle;
    netWmState_ = XInternAtom(display, "_NET_WM_STATE", False);
    netWmStateHidden_ = XInternAtom(display, "_NET_WM_STATE_HIDDEN", False);
    XSelectInput(display, window_,
                 StructureNotifyMask | VisibilityChangeMask | ExposureMask | PropertyChangeMask);
    XWindowAttributes attributes{};
    if (XGetWindowAttributes(display, window_, &attributes))
        mapped_ = attributes.map_state != IsUnmapped;
    readHiddenProperty();
}

void WindowWatch::readHiddenProperty() {
    markedHidden_ = false;
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(asDisplay(display_), window_, netWmState_, 0, 64, False, XA_ATOM, &type,
                           &format, &count, &after, &data) == Success &&
        data && format == 32) {
        const auto* atoms = reinterpret_cast<const Atom*>(data);
        for (unsigned long i = 0; i < count; ++i)
            markedHidden_ = markedHidden_ || atoms[i] == netWmStateHidden_;
    }
    if (data)
        XFree(data);
}

WindowWatch::Seen WindowWatch::look() {
    Seen seen;
    if (!display_)
        return seen;
    Display* display = asDisplay(display_);
    while (XPending(display) > 0) {
        XEvent event;
        XNextEvent(display, &event);
        switch (event.type) {
        case MapNotify:
            mapped_ = true;
            seen.exposed = true;
            break;
        case UnmapNotify:
            mapped_ = false;
            break;
        case VisibilityNotify:
            obscured_ = event.xvisibility.state == VisibilityFullyObscured;
            seen.exposed = seen.exposed || !obscured_;
            break;
        case Expose:
            seen.exposed = true;
            break;
        case PropertyNotify:
            if (event.xproperty.atom == netWmState_) {
                const bool was = markedHidden_;
                readHiddenProperty();
                seen.exposed = seen.exposed || (was && !markedHidden_);
            }
            break;
        default:
            break;
        }
    }
    seen.hidden = !mapped_ || obscured_ || markedHidden_;
    return seen;
}

} // namespace samenspel::ui
