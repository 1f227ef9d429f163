package dev.muara.core.config;

import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import java.util.List;
import java.util.stream.Collectors;

/** Every mistake found in a pipeline file at once; the CLI prints one line each and exits with code 2. */
public final class InvalidConfigException extends MuaraException {

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(ErrorKind.CONFIG, problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        withHint(problems.size() == 1 ? "fix the line above and run again; 'muara validate' checks a pipeline without running it"
                : "fix the lines above and run again; 'muara validate' checks a pipeline without running it");
    }

    public InvalidConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
