# Turns a text file into a C string constant: cmake -DIN= -DOUT= -DNAME= -P embed.cmake
file(READ ${IN} TEXT)
string(REPLACE "\\" "\\\\" TEXT "${TEXT}")
string(REPLACE "\"" "\\\"" TEXT "${TEXT}")
string(REPLACE "\n" "\\n\"\n\"" TEXT "${TEXT}")
file(WRITE ${OUT} "/* generated from ${IN}; do not edit */\nconst char ${NAME}[] =\n\"${TEXT}\";\n")
