package org.paddlewheel.io;
import java.nio.file.Path;
import org.paddlewheel.model.Structure;
class Cif { static Structure read(Path p){throw new UnsupportedOperationException();} static void write(Path p, Structure s){throw new UnsupportedOperationException();} }
