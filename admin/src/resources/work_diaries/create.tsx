import { OwnRecordCreate } from "../../components/reports/own-records.tsx";
import { WorkDiaryFields } from "./form-fields.tsx";

/** 写工作笔记: one entry per person and day (the database sets the author). */
export default function WorkDiaryCreate() {
  return (
    <OwnRecordCreate>
      <WorkDiaryFields />
    </OwnRecordCreate>
  );
}
