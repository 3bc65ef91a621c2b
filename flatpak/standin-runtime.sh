#!/bin/sh
# flatpak/standin-runtime.sh CACHE_DIR — makes (once) a stand-in Flatpak runtime and SDK from
# Debian 12 packages and exports both into the ostree repository CACHE_DIR/repo.
#
# The GNOME runtime the real manifest names cannot be downloaded on machines without Flathub,
# so flatpak/check-local.sh builds the app against these instead. They carry the libraries the
# app links against (GTK 4.8, libadwaita 1.2, libshumate 1.0, libcsv, json-glib, and libportal,
# which the GNOME runtime ships too) the way a Flatpak runtime does: Debian's /usr becomes the
# runtime's files/, its /etc files/etc.
#
# The repository is rebuilt only when what goes into it changes (the package lists, the apt
# sources, STANDIN_FORMAT below); the key of what it holds is in CACHE_DIR/repo.key. Needs root
# (mmdebstrap in root mode); check-local.sh calls it through sudo when the caller is not root.
set -eu

[ "$#" -eq 1 ] || { echo "usage: $0 CACHE_DIR" >&2; exit 2; }
cache=$1

# Bump when the way the runtime is assembled changes, so caches made the old way are rebuilt.
STANDIN_FORMAT=1
BRANCH=12
PLATFORM=io.github.licensedashboard.StandIn.Platform
SDK=io.github.licensedashboard.StandIn.Sdk

# What the app needs at run time. GTK 4 pulls in no EGL/GL driver by itself: without libegl1,
# libgl1 and Mesa's drivers GDK cannot render at all. librsvg2-common lets GdkPixbuf load the
# SVG icons; iso-codes gives the country names (ld-country-codes.c reads its JSON and catalogue).
PLATFORM_PACKAGES="libgtk-4-1 libadwaita-1-0 libshumate-1.0-1 libcsv3 libjson-glib-1.0-0 \
  libportal1 libportal-gtk4-1 iso-codes libegl1 libgl1 libgl1-mesa-dri libglx-mesa0 \
  librsvg2-common adwaita-icon-theme hicolor-icon-theme fonts-cantarell fonts-dejavu-core \
  shared-mime-info glib-networking ca-certificates gsettings-desktop-schemas libglib2.0-bin"
# The SDK: the platform plus what the manifest's modules build with. gtk-update-icon-cache,
# desktop-file-utils and libglib2.0-bin serve meson's post-install step; flatpak-builder runs
# appstream-compose (appstream-util) inside the SDK when it finishes the app.
SDK_PACKAGES="$PLATFORM_PACKAGES build-essential meson ninja-build pkg-config gettext \
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libshumate-dev libcsv-dev \
  libjson-glib-dev libportal-dev libportal-gtk4-dev desktop-file-utils gtk-update-icon-cache \
  appstream-util"

# The same Debian archive the host's apt uses (the machine may reach only a mirror of it).
sources=$(mktemp)
trap 'rm -f "$sources"' EXIT
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$sources"
elif grep -q '^deb ' /etc/apt/sources.list 2>/dev/null; then
  grep '^deb ' /etc/apt/sources.list > "$sources"
else
  echo "deb http://deb.debian.org/debian bookworm main" > "$sources"
fi

key=$( { echo "format $STANDIN_FORMAT"; echo "platform $PLATFORM_PACKAGES"; echo "sdk $SDK_PACKAGES";
         cat "$sources"; } | sha256sum | cut -d' ' -f1)
if [ -f "$cache/repo.key" ] && [ "$(cat "$cache/repo.key")" = "$key" ] && [ -d "$cache/repo/refs" ]; then
  echo "standin-runtime: cached in $cache/repo ($PLATFORM, $SDK, branch $BRANCH)"
  exit 0
fi

arch=$(flatpak --default-arch)
mkdir -p "$cache"
work=$(mktemp -d "$cache/work.XXXXXX")
trap 'rm -f "$sources"; rm -rf --one-file-system "$work"' EXIT
repo=$work/repo

# make_ref ID PACKAGES: a Debian 12 root with PACKAGES, rearranged into a Flatpak runtime and
# exported into $repo as runtime/ID/ARCH/BRANCH.
make_ref () {
  id=$1; packages=$2
  root=$work/$id.root
  dir=$work/$id
  echo "standin-runtime: $id: mmdebstrap (log: $work/$id.log)"
  # shellcheck disable=SC2086
  # force-unsafe-io: no fsync after each file; a crash mid-build leaves only a work directory
  # that the next run replaces.
  if ! mmdebstrap --mode=root --variant=apt \
      --include="$(echo $packages | tr ' ' ',')" \
      --dpkgopt=force-unsafe-io \
      --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/doc/*' \
      --dpkgopt='path-exclude=/usr/share/info/*' \
      bookworm "$root" "$sources" </dev/null >"$work/$id.log" 2>&1; then
    tail -n 30 "$work/$id.log" >&2
    echo "standin-runtime: mmdebstrap failed for $id" >&2
    cp "$work/$id.log" "$cache/$id.failed.log" 2>/dev/null || true
    exit 1
  fi

  mkdir -p "$dir"
  mv "$root/usr" "$dir/files"
  mv "$root/etc" "$dir/files/etc"
  rm -rf --one-file-system "$root"

  # In the sandbox /etc/NAME is a link to /usr/etc/NAME, so a relative link that leaves /etc
  # (os-release → ../usr/lib/os-release) would point into /usr/usr: make those absolute.
  find "$dir/files/etc" -type l | while IFS= read -r link; do
    target=$(readlink "$link")
    case $target in /*) continue ;; esac
    inside=/etc/${link#"$dir/files/etc/"}
    resolved=$(realpath -m -s "$(dirname "$inside")/$target")
    case $resolved in /etc/*) ;; *) ln -sfn "$resolved" "$link" ;; esac
  done

  # Flatpak regenerates the app's ld.so.cache with the runtime's /usr/bin/ldconfig, and the
  # app's own libraries live in /app/lib; Debian keeps ldconfig in sbin.
  [ -e "$dir/files/bin/ldconfig" ] || ln -s ../sbin/ldconfig "$dir/files/bin/ldconfig"
  mkdir -p "$dir/files/etc/ld.so.conf.d"
  echo /app/lib > "$dir/files/etc/ld.so.conf.d/flatpak-app.conf"

  cat > "$dir/metadata" <<EOF
[Runtime]
name=$id
runtime=$PLATFORM/$arch/$BRANCH
sdk=$SDK/$arch/$BRANCH
EOF
  echo "standin-runtime: $id: flatpak build-export"
  flatpak build-export --runtime --files=files --subject="$id from Debian 12 packages" \
    "$repo" "$dir" "$BRANCH" >"$work/$id.export.log" 2>&1 ||
    { cat "$work/$id.export.log" >&2; echo "standin-runtime: build-export failed for $id" >&2; exit 1; }
  rm -rf --one-file-system "$dir"
}

make_ref "$PLATFORM" "$PLATFORM_PACKAGES"
make_ref "$SDK" "$SDK_PACKAGES"

# Swap the new repository in whole, then record what it holds.
chmod -R a+rX "$repo"
rm -rf --one-file-system "$cache/repo.old"
[ ! -d "$cache/repo" ] || mv "$cache/repo" "$cache/repo.old"
mv "$repo" "$cache/repo"
rm -rf --one-file-system "$cache/repo.old"
echo "$key" > "$cache/repo.key"
echo "standin-runtime: made $cache/repo ($PLATFORM, $SDK, branch $BRANCH)"
