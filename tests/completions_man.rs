//! `kernsatz completions SHELL`, `kernsatz man [COMMAND]` and the examples that end every
//! command's `--help`.

use std::process::Command;

const COMMANDS: [&str; 8] = [
    "summarize",
    "vocab",
    "cloze",
    "quiz",
    "study",
    "deck",
    "segment",
    "idf",
];

fn kernsatz(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kernsatz"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn completions_for_every_shell_know_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (ok, script) = kernsatz(&["completions", shell]);
        assert!(ok, "{shell}");
        for c in COMMANDS {
            assert!(script.contains(c), "{shell} completion lacks {c}");
        }
        // fish spells long options `-l seed`
        assert!(
            script.contains("--seed") || script.contains("-l seed"),
            "{shell} completion lacks options"
        );
    }
    // the bash script is valid bash
    let (_, script) = kernsatz(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kernsatz.bash");
    std::fs::write(&p, script).unwrap();
    let st = Command::new("bash").arg("-n").arg(&p).status().unwrap();
    assert!(st.success());
    assert!(!kernsatz(&["completions", "tcsh"]).0);
}

#[test]
fn man_pages_for_the_tool_and_each_command() {
    let (ok, page) = kernsatz(&["man"]);
    assert!(ok);
    assert!(page.contains(".TH kernsatz 1"), "{page}");
    for c in COMMANDS {
        assert!(
            page.contains(&format!("kernsatz\\-{c}(1)")),
            "overview lacks {c}"
        );
        let (ok, sub) = kernsatz(&["man", c]);
        assert!(ok, "{c}");
        assert!(sub.contains(&format!(".TH kernsatz-{c} 1")), "{c}: {sub}");
        assert!(
            sub.contains(".SH SYNOPSIS") && sub.contains(".SH OPTIONS"),
            "{c}"
        );
    }
    let (_, study) = kernsatz(&["man", "study"]);
    assert!(
        study.contains("\\-\\-force") && study.contains("Examples"),
        "{study}"
    );
    assert!(!kernsatz(&["man", "nope"]).0);
}

#[test]
fn every_help_ends_with_examples() {
    let mut commands: Vec<Vec<&str>> = COMMANDS
        .iter()
        .filter(|c| **c != "idf")
        .map(|c| vec![*c, "--help"])
        .collect();
    commands.push(vec!["idf", "build", "--help"]);
    commands.push(vec!["idf", "merge", "--help"]);
    commands.push(vec!["completions", "--help"]);
    commands.push(vec!["man", "--help"]);
    for args in commands {
        let (ok, help) = kernsatz(&args);
        assert!(ok, "{args:?}");
        let tail = help.trim_end().rsplit("Examples:").next().unwrap();
        assert!(help.contains("\nExamples:\n"), "{args:?}: {help}");
        let examples: Vec<&str> = tail
            .lines()
            .filter(|l| l.trim_start().starts_with("kernsatz "))
            .collect();
        assert!((1..=3).contains(&examples.len()), "{args:?}: {tail}");
    }
}
