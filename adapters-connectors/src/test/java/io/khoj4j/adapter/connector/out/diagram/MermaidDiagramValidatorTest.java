package io.khoj4j.adapter.connector.out.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Diagrams Mermaid draws pass; the mistakes chat models make are named with their line. */
class MermaidDiagramValidatorTest {

  private final MermaidDiagramValidator validator = new MermaidDiagramValidator();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flowchart TD\n  A[Boil water] --> B{Hot?}\n  B -->|yes| C([Pour]) & D[(Cup)]\n  B -- no --> A\n"
            + "  subgraph Kitchen [The kitchen]\n    direction LR\n    E((Kettle)) -.-> F>Flag]\n  end\n"
            + "  classDef hot fill:#f96\n  class A hot\n  C:::hot --- G[\"Say (hello)\"]; G ==> H[/Out/]\n",
        "graph LR\nA-->B\nB-.->C\n%% a comment\nC == big ==> D\nD --o E\nE ~~~ F\nnode-1 --> node.2",
        "---\ntitle: Tea\n---\nflowchart LR\n  A --> B",
        "sequenceDiagram\n  autonumber\n  participant A as Alice\n  actor B\n  A->>B: Hello\n  B-->>A: Hi\n"
            + "  loop Every minute\n    A-)B: ping\n  end\n  alt ok\n    B->>+A: yes\n  else no\n    B-xA: no\n  end\n"
            + "  Note right of A: thinks\n  Note over A,B: both\n",
        "classDiagram\n  class Animal {\n    +String name\n    +eat() void\n  }\n  Animal <|-- Duck\n"
            + "  Duck \"1\" *-- \"many\" Egg : lays\n  Animal : +int age\n  <<interface>> Animal\n",
        "stateDiagram-v2\n  [*] --> Still\n  Still --> Moving : push\n  state Moving {\n    [*] --> Fast\n  }\n"
            + "  note right of Still\n    resting\n  end note\n  Moving --> [*]\n",
        "erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER ||--|{ LINE-ITEM : contains\n"
            + "  CUSTOMER {\n    string name PK\n    int age \"years\"\n  }\n",
        "gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section Build\n  Design : a1, 2024-01-01, 3d\n"
            + "  Code : after a1, 5d\n",
        "pie showData\n  title Pets\n  \"Dogs\" : 386\n  \"Cats\" : 85.5\n",
        "mindmap\n  root((Tea))\n    Green\n      Matcha\n    Black[Assam]\n      ::icon(fa fa-leaf)\n",
        "timeline\n  title History\n  2002 : LinkedIn\n  2004 : Facebook : Google\n       : Gmail\n",
        "journey\n  title My day\n  section Morning\n    Make tea: 5: Me\n    Commute: 2: Me, Cat\n",
        "gitGraph\n  commit\n  branch dev",
        "%%{init: {'theme': 'dark'}}%%\ngraph TD;\n  A-->B;\n  A-- This is the text! ---C\n  B---->|No| D[Line<br/>two]\n"
            + "  id1(Start)-->id2(Stop)\n  style id1 fill:#f9f,stroke:#333\n  A@{ shape: rect }\n  E[\"Quote 'it'\"]",
        "classDiagram\n  class Shape~T~\n  classA --|> classB : Inheritance\n  classK <.. classL\n  classM ..|> classN\n"
            + "  A <|--|> B\n  note for A \"can fly\"",
        "sequenceDiagram\n  participant A as \"Alice\"\n  rect rgb(191, 223, 255)\n  A->>+B: Hello<br/>world: again\n"
            + "  B-->>-A: ok\n  end\n  box Purple Team\n  participant C\n  end\n  A--xC\n  A-)C: async"
      })
  void drawableDiagramsPass(String mermaid) {
    assertThat(validator.problem(mermaid)).isEmpty();
  }

  @Test
  void unknownOrMissingHeadersAreNamed() {
    assertThat(validator.problem("A --> B"))
        .get()
        .asString()
        .startsWith("line 1:")
        .contains("diagram type");
    assertThat(validator.problem("flowchart XY\n A --> B")).get().asString().contains("direction");
    assertThat(validator.problem("  \n")).contains("the diagram is empty");
  }

  @Test
  void flowchartMistakesAreFoundWithTheirLine() {
    assertThat(problem("flowchart TD\n  A[Boil (hot) water] --> B"))
        .startsWith("line 2:")
        .contains("double quotes");
    assertThat(problem("flowchart TD\n  A --> B\n  B -->"))
        .startsWith("line 3:")
        .contains("both sides");
    assertThat(problem("flowchart TD\n  A[Open --> B")).contains("not closed");
    assertThat(problem("flowchart TD\n  A --> end")).contains("may not be called end");
    assertThat(problem("flowchart TD\n  subgraph S\n  A --> B")).contains("subgraph is not closed");
    assertThat(problem("flowchart TD\n  A -- text B")).contains("text on an arrow");
    assertThat(problem("flowchart TD\n  A -->|yes B")).contains("|text|");
    assertThat(problem("flowchart TD\n  A => B")).contains("expected an arrow");
  }

  @Test
  void otherKindsMistakesAreFound() {
    assertThat(problem("sequenceDiagram\n  A->>B: hi\n  loop forever\n  A->>B: again"))
        .contains("`loop` block is not closed");
    assertThat(problem("sequenceDiagram\n  A to B: hi")).startsWith("line 2:").contains("A->>B");
    assertThat(problem("sequenceDiagram\n  else nope")).contains("outside");
    assertThat(problem("classDiagram\n  class A {\n  +x int")).contains("not closed");
    assertThat(problem("classDiagram\n  A is a B")).contains("relation");
    assertThat(problem("stateDiagram-v2\n  A -> B")).contains("transition");
    assertThat(problem("erDiagram\n  CUSTOMER ||--o{ ORDER")).contains("with a label");
    assertThat(problem("pie\n  \"Dogs\" : many")).contains("a number");
    assertThat(problem("gantt\n  Design the thing")).contains("task");
    assertThat(problem("mindmap\n  Root\n  Second root")).contains("one root");
    assertThat(problem("journey\n  Make tea: high: Me")).contains("1 to 5");
    assertThat(problem("timeline\n  2002 : : LinkedIn")).contains("empty");
  }

  private String problem(String mermaid) {
    Optional<String> problem = validator.problem(mermaid);
    assertThat(problem).as("a problem in %s", mermaid).isPresent();
    return problem.get();
  }
}
