package io.jumbe.core.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code JUMBE_HOME} holds the database files and the key that decrypts the secrets in them: only the user the
 * platform runs as may read it. Folders are 0700, files 0600, on file systems with POSIX permissions (elsewhere,
 * such as on Windows, the folder's default ACL applies).
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the folder (and its parents) if need be, and makes it 0700. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix(dir.toAbsolutePath().getRoot())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectories(dir);
            }
        }
        restrict(dir, FOLDER);
        return dir;
    }

    /** Creates a new empty file with mode 0600 from the start. */
    static Path createFile(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        return Files.createFile(file);
    }

    /** Makes an existing file 0600. */
    public static void file(Path file) throws IOException {
        restrict(file, FILE);
    }

    /**
     * Makes a home folder and the platform's files in it private: the folder 0700; the database files
     * ({@code jumbe.*}), the key file and the {@code mail} folder's contents 0600 (folders 0700). Only those: a home
     * set to a folder shared with other things does not have its other files changed. Run at start (files created
     * by an older version were 0644) and after the embedded database has created its files.
     */
    public static void secureTree(Path home) {
        try {
            directory(home);
            try (Stream<Path> top = Files.list(home)) {
                for (Path p : (Iterable<Path>) top::iterator) {
                    String name = p.getFileName().toString();
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    if (Files.isRegularFile(p) && (name.startsWith("jumbe.") || name.equals(KeyFile.NAME))) {
                        restrict(p, FILE);
                    } else if (Files.isDirectory(p) && name.equals("mail")) {
                        try (Stream<Path> mail = Files.walk(p)) {
                            for (Path m : (Iterable<Path>) mail::iterator) {
                                if (!Files.isSymbolicLink(m)) {
                                    restrict(m, Files.isDirectory(m) ? FOLDER : FILE);
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + home + " private: " + e.getMessage(), e);
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().equals(mode)) {
            view.setPermissions(mode);
        }
    }

    private static boolean posix(Path existing) {
        Path p = existing;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
