#!/usr/bin/env sh
# Register CAIO Desktop with the desktop environment of the current user: launcher, icon and the
# .caio file type, so that double-clicking a workspace opens it. Run from an unpacked bundle
# (dist/caio-desktop/) or a source checkout; needs xdg-utils.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
icons="$here/../../caio_desktop/resources/icons"
[ -d "$icons" ] || icons="$here/../_internal/caio_desktop/resources/icons"
for size in 16 24 32 48 64 128 256 512; do
  xdg-icon-resource install --noupdate --novendor --context apps --size "$size" "$icons/caio-desktop-$size.png" caio-desktop
done
xdg-icon-resource forceupdate
xdg-mime install --novendor "$here/caio-desktop-mime.xml"
xdg-desktop-menu install --novendor "$here/caio-desktop.desktop"
xdg-mime default caio-desktop.desktop application/x-caio-workspace
echo "CAIO Desktop registered: .caio files now open with it."
