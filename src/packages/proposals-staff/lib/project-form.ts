/** The project editor's fields: 立项 (new) and, once it exists, 记录进展 and 完成项目. Numbers as typed. */
export type ProjectForm = {
  title: string
  owner: string
  summary: string
  dueDate: string
  cost: string
  /** the progress to record next, a percentage */
  progress: number
  text: string
  photo: string | null
  preview: string | null
  outcome: string
}

export const emptyProjectForm = (): ProjectForm => ({
  title: '',
  owner: '',
  summary: '',
  dueDate: '',
  cost: '',
  progress: 0,
  text: '',
  photo: null,
  preview: null,
  outcome: '',
})
