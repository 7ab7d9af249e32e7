#!/usr/bin/env bash
# Tries GraalVM's native-image builder from Maven Central (org.graalvm.nativeimage:svm and friends, no GraalVM
# distribution) on the installed JDK 25, on a hello-world class, and prints where it stops (ADR 30).
#   bench/native-probe.sh [graal version, default 25.0.2]
# Everything goes to target/native-probe: a copy of the JDK (the builder looks for its helper libraries under
# java.home, so the JDK must be a real directory, not symlinks), the class and the build's output.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
ensure_jdk
version="${1:-25.0.2}"
out="$KHOJ4J_ROOT/target/native-probe"
mkdir -p "$out" && cd "$out"
[ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ] || die "needs a JDK 25 (JAVA_HOME)"
repo="${KHOJ4J_MAVEN_REPO:-$HOME/.m2/repository}" # Maven's default local repository
artifacts=(nativeimage:svm nativeimage:pointsto nativeimage:objectfile nativeimage:native-image-base
  nativeimage:svm-capnproto-runtime nativeimage:svm-configure sdk:nativeimage sdk:word sdk:collections
  sdk:nativeimage-libgraal espresso:espresso-shared espresso:espresso-svm truffle:truffle-compiler compiler:compiler)
for a in "${artifacts[@]}"; do
  mvn -B -ntp -q dependency:get -Dtransitive=false -Dartifact="org.graalvm.${a%%:*}:${a#*:}:$version" >/dev/null
done
jar_of() { echo "$repo/org/graalvm/${1%%:*}/${1#*:}/$version/${1#*:}-$version.jar"; }
module_path=""; for a in "${artifacts[@]}"; do [ "$a" = compiler:compiler ] || module_path+="$(jar_of "$a"):"; done

# a JDK copy with the progress reporter's two JNI functions, which GraalVM ships as a library under its java.home
[ -d jdk ] || cp -r "$JAVA_HOME" jdk
mkdir -p jdk/lib/svm/builder/lib
cat > reporter.c <<'C'
#include <jni.h>
#include <sys/resource.h>
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *e, jclass c) {
  struct rusage u; getrusage(RUSAGE_SELF, &u); return (jlong) u.ru_maxrss * 1024; }
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *e,
  jclass c) { return 120; }
C
gcc -shared -fPIC -I jdk/include -I jdk/include/linux -o jdk/lib/svm/builder/lib/libreporterchelper.so reporter.c

# what GraalVM's native-image driver would pass: every internal package the builder reaches into
exports=()
for mod in java.base jdk.internal.vm.ci jdk.management java.management jdk.jfr jdk.unsupported jdk.internal.jvmstat \
  jdk.net java.logging; do
  for p in $(jdk/bin/java --describe-module "$mod" | awk '$1=="contains"{print $2} $1=="qualified"&&$2=="exports"{print $3}' | sort -u); do
    exports+=(--add-exports "$mod/$p=org.graalvm.nativeimage.builder")
  done
done
for m in org.graalvm.nativeimage.base org.graalvm.nativeimage.pointsto jdk.graal.compiler; do
  for p in jdk.internal.module jdk.internal.misc jdk.internal.reflect jdk.internal.loader jdk.internal.vm jdk.internal.access; do
    exports+=(--add-exports "java.base/$p=$m")
  done
  for p in meta code runtime common amd64 hotspot services code.site; do exports+=(--add-exports "jdk.internal.vm.ci/jdk.vm.ci.$p=$m"); done
done
for p in java.lang java.lang.invoke java.lang.reflect java.lang.ref java.util java.util.concurrent java.io java.net java.nio \
  jdk.internal.misc jdk.internal.loader jdk.internal.ref jdk.internal.module sun.nio.ch; do
  exports+=(--add-opens "java.base/$p=org.graalvm.nativeimage.builder")
done

printf 'public class Hello { public static void main(String[] a) { System.out.println("hello native"); } }\n' > Hello.java
jdk/bin/javac -d classes Hello.java && jdk/bin/jar cf hello.jar -C classes .
set +e
jdk/bin/java -Xmx4g --enable-native-access=ALL-UNNAMED,org.graalvm.nativeimage.builder \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -Dorg.graalvm.nativeimage.imagecode=buildtime \
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader "${exports[@]}" \
  --upgrade-module-path "$(jar_of compiler:compiler)" --module-path "$module_path" \
  --add-modules ALL-SYSTEM,org.graalvm.nativeimage.builder \
  -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" -imagecp "$out/hello.jar" -H:Name=hello -H:Class=Hello \
  -H:Path="$out" 2>&1 | grep -v '^WARNING' | tee build.log
set -e
if [ -x "$out/hello" ]; then log "native image built: $("$out/hello")"; else log "no native image: see $out/build.log"; fi
