package io.jumbe.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.sdk.errors.UnexpectedResponseException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a tenant's code can see of the SDK: nothing of {@code io.jumbe.sdk.internal}. */
class PublicApiTest {
    private static final String INTERNAL = "io.jumbe.sdk.internal.";

    @Test
    void noPublicMethodTakesReturnsOrThrowsAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Class<?> supertype : type.getInterfaces()) {
                if (supertype.getName().startsWith(INTERNAL)) {
                    leaks.add(type.getName() + " implements " + supertype.getName());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
                    continue;
                }
                List<Type> seen = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                seen.add(m.getGenericReturnType());
                seen.addAll(List.of(m.getGenericExceptionTypes()));
                for (Type t : seen) {
                    if (t.getTypeName().contains(INTERNAL)) {
                        leaks.add(type.getName() + "." + m.getName() + ": " + t.getTypeName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void anAnswerWithoutARequiredMemberIsAnUnexpectedResponse() throws Exception {
        try (MockApi api = new MockApi()) {
            api.json(200, "{\"balance\":1.00,\"currency\":\"KES\"}");

            UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
                    () -> api.client.wallet().balance());

            assertThat(e.getMessage()).contains("units");
        }
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(JumbeClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/jumbe/sdk"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith(INTERNAL)) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        assertThat(types).hasSizeGreaterThan(30);
        return types;
    }
}
