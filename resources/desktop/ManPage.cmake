# cmake -DCLI=skyline-cli -DPAGE=skyline|skyline-cli -DOUT=DIR/PAGE.1 -P ManPage.cmake
# Writes OUT (troff) and OUT.gz (gzip -9n: no name or time stamp, as Debian wants). Fails when
# skyline-cli refuses (e.g. a registered command without an entry in app/cli/CliHelp.cpp).
execute_process(COMMAND ${CLI} --man ${PAGE}
    OUTPUT_FILE ${OUT} ERROR_VARIABLE problem RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(REMOVE ${OUT})
    message(FATAL_ERROR "skyline-cli --man ${PAGE} failed (${result}): ${problem}")
endif()
execute_process(COMMAND gzip -9nf -k ${OUT} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip ${OUT} failed (${result})")
endif()
