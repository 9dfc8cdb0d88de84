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
set(CPACK_PACKAGE_DESCRIPTION
    "Skyline is a desktop studio in which architects draw candidate architectures\n\
(serverless functions, long-running microservices, queues and datastores, joined\n\
by API calls and events, grouped in bounded contexts) and see, side by side, how\n\
each scales, how fast it answers, how hard it is to operate, how far a failure\n\
spreads and what it costs per month.\n\
\n\
The package holds the studio (skyline), the command-line tool skyline-cli for\n\
scripts, CI and reviews, example projects, and the desktop integration of the\n\
.skyline file type.")
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
