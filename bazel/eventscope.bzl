"""eventscope on Bazel: the map step (`eventscope extract`) as one action per C++ target,
with that target's own compile flags, and a final action that merges and checks.

    bazel build //:events --aspects @eventscope//:eventscope.bzl%eventscope_aspect \\
        --output_groups=eventscope_facts       # the facts of every cc target below //:events
    bazel build //:events_check                # eventscope_check: merge and check

The actions are ordinary Bazel actions: the local sandbox, remote execution and the remote
cache run and keep them as they do compiles. A FACTS file names its files relative to the
workspace root (the execution root), so it is the same on every machine.
See docs/bazel.md.
"""

EventscopeFactsInfo = provider(
    doc = "The FACTS files of a C++ target and of everything it depends on, and their sources.",
    fields = {
        "facts": "depset of File: one FACTS file per cc target that has sources",
        "srcs": "depset of File: the sources and headers those FACTS files were read from",
    },
)

_CPP_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C", "c"]

def _compilation_context(target, ctx):
    """The target's compilation context: its own when it provides CcInfo (cc_library), else
    its dependencies' merged (cc_binary, cc_test)."""
    if CcInfo in target:
        return target[CcInfo].compilation_context
    infos = [dep[CcInfo] for dep in getattr(ctx.rule.attr, "deps", []) if CcInfo in dep]
    return cc_common.merge_cc_infos(cc_infos = infos).compilation_context

def _compile_arguments(ctx, context, src):
    """The command a compile of `src` would run, as far as parsing it needs: the target's
    copts and local_defines, and the include paths and defines of its compilation context
    (its own and its dependencies')."""
    args = ["c++", "-x", "c++"]
    args += getattr(ctx.rule.attr, "copts", [])
    for d in context.defines.to_list() + getattr(ctx.rule.attr, "local_defines", []):
        args.append("-D" + d)
    for path in context.quote_includes.to_list():
        args += ["-iquote", path]
    for path in context.includes.to_list():
        args += ["-I", path]
    for path in context.system_includes.to_list():
        # `includes = [...]` of the workspace's own targets arrive here as system paths, and
        # eventscope does not look into system headers: the project's wrappers there would be
        # lost. Only other repositories' (external/...) stay system headers.
        external = path.startswith("external/") or "/external/" in path
        args += ["-isystem" if external else "-I", path]
    args += ["-c", src.path]
    return args

def _eventscope_aspect_impl(target, ctx):
    deps = [dep[EventscopeFactsInfo] for dep in getattr(ctx.rule.attr, "deps", []) if EventscopeFactsInfo in dep]
    srcs = [
        f
        for src in getattr(ctx.rule.attr, "srcs", [])
        for f in src.files.to_list()
        if f.extension in _CPP_EXTENSIONS and f.is_source
    ]
    own = []
    headers = []
    if srcs:
        context = _compilation_context(target, ctx)
        headers = [context.headers]
        database = ctx.actions.declare_file(target.label.name + ".eventscope/compile_commands.json.in")
        ctx.actions.write(database, json.encode([
            {"directory": "@ROOT@", "file": src.path, "arguments": _compile_arguments(ctx, context, src)}
            for src in srcs
        ]))
        facts = ctx.actions.declare_file(target.label.name + ".eventscope.facts")
        tool = ctx.executable._eventscope
        config = ctx.file._config
        ctx.actions.run_shell(
            inputs = depset([database, config] + srcs, transitive = [context.headers]),
            outputs = [facts],
            tools = [tool],
            # The database names the execution root, which only the running action knows.
            command = ('root="$PWD"; db="$(mktemp -d)"; sed "s|@ROOT@|$root|g" "$1" > "$db/compile_commands.json"; ' +
                       '"$2" extract --root . --config "$3" -p "$db" --no-cache -q -j 1 -o "$4" "${@:5}"; ' +
                       'status=$?; rm -rf "$db"; exit $status'),
            arguments = [database.path, tool.path, config.path, facts.path] + [src.path for src in srcs],
            mnemonic = "EventscopeExtract",
            progress_message = "eventscope: reading the events of %s" % target.label,
        )
        own = [facts]
    info = EventscopeFactsInfo(
        facts = depset(own, transitive = [d.facts for d in deps]),
        srcs = depset(srcs, transitive = headers + [d.srcs for d in deps]),
    )
    return [info, OutputGroupInfo(eventscope_facts = info.facts)]

eventscope_aspect = aspect(
    implementation = _eventscope_aspect_impl,
    attr_aspects = ["deps"],
    attrs = {
        "_eventscope": attr.label(default = Label("//:eventscope"), executable = True, cfg = "exec"),
        "_config": attr.label(default = Label("@//:eventscope.yaml"), allow_single_file = True),
    },
    doc = "Runs `eventscope extract` on the sources of every cc target it reaches through deps.",
)

def _eventscope_check_impl(ctx):
    facts = depset(transitive = [dep[EventscopeFactsInfo].facts for dep in ctx.attr.deps])
    srcs = depset(transitive = [dep[EventscopeFactsInfo].srcs for dep in ctx.attr.deps])
    merged = ctx.actions.declare_file(ctx.label.name + ".facts")
    report = ctx.actions.declare_file(ctx.label.name + "." + ctx.attr.format)
    tool = ctx.executable._eventscope
    config = ctx.file._config
    ctx.actions.run_shell(
        inputs = depset([config] + ctx.files.contracts, transitive = [facts, srcs]),
        outputs = [merged, report],
        tools = [tool],
        # Quiet: the sandbox holds only the action's inputs, so config entries naming other
        # files would be warned about with sandbox paths. A failed check shows its report
        # (Bazel prints a failed action's output).
        command = ('"$1" merge -q -o "$2" "${@:7}" || exit $?; ' +
                   '"$1" check . -q --config "$3" --facts "$2" --format "$4" --fail-on "$5" -o "$6" && exit 0; ' +
                   'status=$?; cat "$6" >&2; exit $status'),
        arguments = [tool.path, merged.path, config.path, ctx.attr.format, ctx.attr.fail_on, report.path] +
                    [f.path for f in facts.to_list()],
        mnemonic = "EventscopeCheck",
        progress_message = "eventscope: checking the events of %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([report, merged]))]

eventscope_check = rule(
    implementation = _eventscope_check_impl,
    attrs = {
        "deps": attr.label_list(aspects = [eventscope_aspect], doc = "The binaries and libraries of the system."),
        "contracts": attr.label_list(allow_files = True, doc = "AsyncAPI documents and manifests the config names."),
        "format": attr.string(default = "json", values = ["text", "json", "sarif", "codeclimate", "junit"]),
        "fail_on": attr.string(default = "error", values = ["info", "warning", "error", "never"]),
        "_eventscope": attr.label(default = Label("//:eventscope"), executable = True, cfg = "exec"),
        "_config": attr.label(default = Label("@//:eventscope.yaml"), allow_single_file = True),
    },
    doc = "Merges the FACTS files of `deps` (read by eventscope_aspect) and checks the system: " +
          "the build fails on findings at `fail_on` or above; the report is NAME.FORMAT.",
)
