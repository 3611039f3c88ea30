package cli

import (
	"fmt"
	"io"
)

const completionUsage = `Usage: kafkasim completion bash|zsh|fish

Prints a script that makes your shell complete kafkasim's commands, flags,
built-in scenario names, lesson numbers and quiz topics. The script asks
kafkasim itself for the candidates, so it stays right as kafkasim changes.

Flags:
  -h, --help   show this help

Examples:
  source <(kafkasim completion bash)        # bash, now; add it to ~/.bashrc
  source <(kafkasim completion zsh)         # zsh, after compinit
  kafkasim completion fish > ~/.config/fish/completions/kafkasim.fish
`

// completionScripts are the scripts for each shell. Each calls
// 'kafkasim __complete' with the words before the cursor and offers the
// lines it prints; the line ":file" asks for file names as well.
var completionScripts = map[string]string{
	"bash": `# bash completion for kafkasim
_kafkasim() {
    local cur=${COMP_WORDS[COMP_CWORD]} line words="" files=""
    COMPREPLY=()
    while IFS= read -r line; do
        if [[ $line == :file ]]; then files=1; else words+="$line"$'\n'; fi
    done < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null)
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    if [[ -n $files ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
}
complete -F _kafkasim kafkasim
`,
	"zsh": `#compdef kafkasim
# zsh completion for kafkasim
_kafkasim() {
    local line files=0
    local -a cands
    for line in "${(@f)$(${words[1]} __complete "${(@)words[2,CURRENT-1]}" 2>/dev/null)}"; do
        if [[ $line == :file ]]; then files=1; elif [[ -n $line ]]; then cands+=("$line"); fi
    done
    (( ${#cands} )) && compadd -a cands
    (( files )) && _files
    return 0
}
if [[ "$funcstack[1]" == "_kafkasim" ]]; then
    _kafkasim "$@"
else
    compdef _kafkasim kafkasim
fi
`,
	"fish": `# fish completion for kafkasim
function __kafkasim_complete
    set -l words (commandline -opc)
    for line in ($words[1] __complete $words[2..-1] 2>/dev/null)
        if test "$line" = ":file"
            __fish_complete_path (commandline -ct)
        else
            echo $line
        end
    end
end
complete -c kafkasim -f -a '(__kafkasim_complete)'
`,
}

// Completion runs "kafkasim completion SHELL".
func Completion(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 1 && isHelpFlag(args[0]):
		fmt.Fprint(stdout, completionUsage)
		return 0
	case len(args) != 1:
		return printUsageHint(stderr, "completion", "which shell? bash, zsh or fish")
	}
	script, ok := completionScripts[args[0]]
	if !ok {
		return printUsageHint(stderr, "completion", fmt.Sprintf("no completion for %s: bash, zsh or fish", visibleText(args[0])))
	}
	fmt.Fprint(stdout, script)
	return 0
}
