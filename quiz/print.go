package quiz

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// PrintOptions choose what Print writes.
type PrintOptions struct {
	// Topics restricts the hand-out to these topic tags; empty means all.
	Topics []string
	// NoAnswers leaves out the answers and explanations (a test sheet).
	NoAnswers bool
	// Generated adds that many generated questions, made from Seed. Seed
	// also mixes the steps of order questions.
	Generated int
	Seed      uint64
	// Bank is the questions to print; nil means the embedded bank.
	Bank []Question
}

// MaxGenerated is the most generated questions one hand-out takes: a
// hundred pages of them, and a bound on the memory a typo can ask for.
const MaxGenerated = 1000

// Print writes the bank's questions (in file order, filtered by topic),
// then any generated ones, as Markdown to hand out. Unless NoAnswers is
// set, each question is followed by a line beginning "**Answer:**" and
// its explanation.
func Print(w io.Writer, opts PrintOptions) error {
	bank := opts.Bank
	if bank == nil {
		var err error
		if bank, err = Bank(); err != nil {
			return fmt.Errorf("the question bank has errors:\n%w", err)
		}
	}
	if err := checkTopics(opts.Topics); err != nil {
		return err
	}
	if opts.Generated > MaxGenerated {
		return fmt.Errorf("--generated %d is more than the limit of %d", opts.Generated, MaxGenerated)
	}
	var qs []Question
	for _, q := range bank {
		if len(opts.Topics) == 0 || slices.Contains(opts.Topics, q.Topic) {
			qs = append(qs, q)
		}
	}
	qs = append(qs, Generate(opts.Seed, opts.Generated, opts.Topics)...)
	if len(qs) == 0 {
		return fmt.Errorf("no questions match (topics %s, %d generated)", strings.Join(opts.Topics, ", "), opts.Generated)
	}
	mix := rand.New(rand.NewPCG(opts.Seed, streamShuffle))
	bw := bufio.NewWriter(w)
	printHeader(bw, opts, len(qs))
	for i, q := range qs {
		printQuestion(bw, i+1, q.Shuffle(mix), !opts.NoAnswers)
	}
	return bw.Flush()
}

func printHeader(w io.Writer, opts PrintOptions, n int) {
	topics := "all"
	if len(opts.Topics) > 0 {
		topics = strings.Join(opts.Topics, ", ")
	}
	fmt.Fprintf(w, "# Kafka quiz\n\n%d questions. Topics: %s. Seed: %d", n, mdEscape(topics), opts.Seed)
	if opts.Generated > 0 {
		fmt.Fprintf(w, " (%d generated; the same seed gives the same questions)", opts.Generated)
	}
	fmt.Fprint(w, ".\n")
}

// kindHint tells the reader how to answer.
var kindHint = map[Kind]string{
	Single:    "Pick one.",
	Multi:     "Select all that apply.",
	TrueFalse: "True or false?",
	Order:     "Put the steps in order (write the letters).",
	Numeric:   "Answer with a whole number.",
}

func printQuestion(w io.Writer, n int, q Question, answers bool) {
	fmt.Fprintf(w, "\n## %d. %s\n\n", n, q.Topic)
	fmt.Fprintf(w, "%s\n\n*%s*\n", mdText(q.Prompt), kindHint[q.Kind])
	if len(q.Choices) > 0 {
		fmt.Fprintln(w)
		for i, c := range q.Choices {
			fmt.Fprintf(w, "- **%s.** %s\n", Label(i), mdEscape(c))
		}
	}
	if !answers {
		return
	}
	fmt.Fprintf(w, "\n**Answer:** %s\n\n%s\n", mdEscape(q.AnswerText()), mdText(q.Explanation))
	if q.Scenario != "" {
		fmt.Fprintf(w, "\nSee it happen: scenario `%s`.\n", q.Scenario)
	}
}

// mdText escapes s and keeps its line breaks as Markdown hard breaks.
func mdText(s string) string {
	lines := strings.Split(mdEscape(s), "\n")
	return strings.Join(lines, "  \n")
}

// mdEscaper backslash-escapes the characters Markdown could read as
// formatting (underscores in __consumer_offsets, asterisks, brackets...).
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`,
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
