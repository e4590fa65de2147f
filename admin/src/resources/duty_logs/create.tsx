import { OwnRecordCreate } from "../../components/reports/own-records.tsx";
import { DutyLogFields } from "./form-fields.tsx";

/** 新增值班记录: the signed-in person's own entry (the database sets the author). */
export default function DutyLogCreate() {
  return (
    <OwnRecordCreate>
      <DutyLogFields />
    </OwnRecordCreate>
  );
}
