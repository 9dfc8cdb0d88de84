#include "Cli.h"
#ifdef SKYLINE_CLI_RENDER
#include "RenderCommands.h"
#endif

#include <exception>
#include <iostream>

int main(int argc, char **argv)
{
    std::ios::sync_with_stdio(false);
    try {
#ifdef SKYLINE_CLI_RENDER
        skyline::cli::registerRenderCommands();
#endif
        return skyline::cli::run({argv + 1, argv + argc}, std::cout, std::cerr);
    } catch (const std::exception &e) {
        std::cerr << "skyline-cli: internal error: " << e.what() << '\n';
        return 1;
    }
}
