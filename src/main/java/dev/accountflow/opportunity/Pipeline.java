package dev.accountflow.opportunity;

import java.util.List;

/** A period's pipeline: figures per rep and type, and the open deals by stage. */
public record Pipeline(List<PipelineFigures> figures, List<StageFigures> openByStage) {
}
