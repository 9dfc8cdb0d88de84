# The Debian package (scripts/package.sh runs `cpack -G DEB`). Included from the top-level
# CMakeLists.txt after every install() rule.

# `cpack` installs without building everything first: scripts/package.sh builds the installed
# targets only (the tests and benchmarks are not part of the package).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME skyline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Skyline maintainers")
set(CPACK_PACKAGE_CONTACT "Skyline maintainers <maintainers@users.noreply.r-seed-02ddf12c.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compare serverless and microservice architectures")
# Lines of at most 79 columns; "." stands for an empty line (Debian control format).
set(CPACK_PACKAGE_DESCRIPTION
    "Skyline is a desktop studio in which architects draw candidate\n\
architectures (serverless functions, long-running microservices, queues\n\
and datastores, joined by API calls and events, grouped in bounded\n\
contexts) and see, side by side, how each scales, how fast it answers, how\n\
hard it is to operate, how far a failure spreads and what it costs per\n\
month.\n\
.\n\
The package holds the studio (skyline), the command-line tool skyline-cli\n\
for scripts, CI and reviews, example projects, and the desktop integration\n\
of the .skyline file type.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # skyline_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_NAME skyline)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/skyline/skyline")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # Depends from dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
